import SluiceClient
import SluiceRuntime
import Synchronization
import Testing

/// Retries: the policy's (idempotent methods, retryable codes, pushback, deadline) and
/// transparent ones (calls the server never processed).
@Suite struct ChannelRetryTests {
  private let policy = try! RetryPolicy(
    maxAttempts: 4, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50))

  /// Fails the first `failures` requests with `status` (and `extra` trailers), then answers.
  private func flaky(
    failures: Int, status: Int, extra: [(String, String)] = []
  ) -> ScriptedServer.Script {
    let seen = Mutex(0)
    return { responder, streamID in
      let count = seen.withLock { count in
        count += 1
        return count
      }
      if count <= failures {
        failing(responder, streamID, status: status, extra: extra)
      } else {
        answering([UInt8(count)])(responder, streamID)
      }
    }
  }

  @Test func unavailableIsRetriedForIdempotentMethods() async throws {
    let server = ScriptedServer(script: flaky(failures: 2, status: 14))
    let port = try await server.start()
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: policy))
    let response = try await channel.unary(method: idempotentMethod(), request: [7], options: CallOptions())
    #expect(response.message == [3])
    #expect(server.requests.map { $0.header("grpc-previous-rpc-attempts") } == [nil, "1", "2"])
    #expect(server.requests.allSatisfy { $0.body == [0, 0, 0, 0, 1, 7] })
    channel.close()
    await server.stop()
  }

  @Test func methodsNotMarkedIdempotentAreNotRetried() async throws {
    let server = ScriptedServer(script: flaky(failures: 1, status: 14))
    let port = try await server.start()
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: policy))
    let error = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(server.requests.count == 1)
    channel.close()
    await server.stop()
  }

  @Test func resourceExhaustedIsRetriedOnlyWhenTheServerPushesBack() async throws {
    let pushing = ScriptedServer(
      script: flaky(failures: 1, status: 8, extra: [("grpc-retry-pushback-ms", "20")]))
    let port = try await pushing.start()
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: policy))
    let response = try await channel.unary(method: idempotentMethod(), request: [], options: CallOptions())
    #expect(response.message == [2])
    channel.close()
    await pushing.stop()

    let silent = ScriptedServer(script: flaky(failures: 1, status: 8))
    let silentPort = try await silent.start()
    let other = try localChannel(port: silentPort, configuration: .init(retryPolicy: policy))
    let error = await rpcError {
      _ = try await other.unary(method: idempotentMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .resourceExhausted)
    #expect(silent.requests.count == 1)
    other.close()
    await silent.stop()
  }

  @Test func noRetryWaitsPastTheDeadline() async throws {
    let server = ScriptedServer(script: flaky(failures: 5, status: 14))
    let port = try await server.start()
    let slow = try RetryPolicy(maxAttempts: 5, initialBackoff: .seconds(60), maxBackoff: .seconds(60))
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: slow))
    let started = ContinuousClock.now
    let error = await rpcError {
      _ = try await channel.unary(
        method: idempotentMethod(), request: [], options: CallOptions(timeout: .seconds(20)))
    }
    // The backoff (48 s at least) would end after the deadline: the failure is returned at
    // once, not when the deadline passes.
    #expect(error?.code == .unavailable)
    #expect(server.requests.count == 1)
    #expect(ContinuousClock.now - started < .seconds(15))
    channel.close()
    await server.stop()
  }

  @Test func refusedStreamsAreRetriedTransparently() async throws {
    let seen = Mutex(0)
    let server = ScriptedServer { responder, streamID in
      let count = seen.withLock { count in
        count += 1
        return count
      }
      if count == 1 {
        responder.reset(streamID, code: .refusedStream)
      } else {
        answering([9])(responder, streamID)
      }
    }
    let port = try await server.start()
    let channel = try localChannel(port: port)
    let response = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [9])
    #expect(server.requests.count == 2)
    #expect(server.requests.allSatisfy { $0.header("grpc-previous-rpc-attempts") == nil })
    channel.close()
    await server.stop()
  }

  @Test func serverStreamsAreRetriedUntilHeadersArrive() async throws {
    let seen = Mutex(0)
    let server = ScriptedServer { responder, streamID in
      let count = seen.withLock { count in
        count += 1
        return count
      }
      switch count {
      case 1:
        failing(responder, streamID, status: 14)
      default:
        // Once the request arrived: headers, two messages, then a failure, too late to
        // retry.
        responder.whenRequestEnds(streamID) { responder in
          responder.sendHeaders(streamID)
          responder.sendMessage(streamID, [1])
          responder.sendMessage(streamID, [2])
          responder.sendTrailers(streamID, status: 14)
        }
      }
    }
    let port = try await server.start()
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: policy))
    let stream = try await channel.stream(method: idempotentMethod(.serverStreaming), options: CallOptions())
    try await stream.write([5])
    await stream.finishRequests()
    var received: [[UInt8]] = []
    let error = await rpcError {
      while let message = try await stream.nextResponse() { received.append(message) }
    }
    #expect(received == [[1], [2]])
    #expect(error?.code == .unavailable)
    #expect(server.requests.count == 2)
    // The first attempt may end before its request arrived; the retry sends it again.
    #expect(server.requests.last?.body == [0, 0, 0, 0, 1, 5])
    #expect(server.requests.last?.ended == true)
    #expect(server.requests.map { $0.header("grpc-previous-rpc-attempts") } == [nil, "1"])
    channel.close()
    await server.stop()
  }

  @Test func waitingForABackoffIsCancellable() async throws {
    let server = ScriptedServer(script: flaky(failures: 5, status: 14))
    let port = try await server.start()
    let slow = try RetryPolicy(maxAttempts: 5, initialBackoff: .seconds(20), maxBackoff: .seconds(20))
    let channel = try localChannel(port: port, configuration: .init(retryPolicy: slow))
    let call = Task {
      await rpcError {
        _ = try await channel.unary(method: idempotentMethod(), request: [], options: CallOptions())
      }
    }
    #expect(await eventually { server.requests.count == 1 })
    call.cancel()
    let error = await call.value
    #expect(error?.code == .cancelled, "\(String(describing: error))")
    channel.close()
    await server.stop()
  }
}
