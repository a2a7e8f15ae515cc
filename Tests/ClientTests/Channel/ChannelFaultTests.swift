import NIOPosix
import SluiceClient
import SluiceGenerated
import SluiceRuntime
import SluiceServer
import Testing

/// What a channel's calls see when servers fail, restart, go away or never answer.
@Suite struct ChannelFaultTests {
  @Test func serverRestartFailsTheStreamThenTheNextCallRecovers() async throws {
    let first = try await SluiceInteropServer.start()
    let port = first.port
    let channel = try localChannel(port: port)
    let client = Grpc_Testing_TestService.Client(transport: channel)
    var request = Grpc_Testing_StreamingOutputCallRequest()
    request.responseParameters = (0..<20).map { _ in
      var parameters = InteropCase.parameters(10)
      parameters.intervalUs = 200_000
      return parameters
    }
    let responses = try await client.streamingOutputCall(request)
    var iterator = responses.makeAsyncIterator()
    #expect(try await iterator.next() != nil)
    // The server goes away with the stream half done (the grace period is shorter).
    await first.server.shutdown(gracePeriod: .milliseconds(200))
    let error = await rpcError { while try await iterator.next() != nil {} }
    #expect(error?.code == .unavailable, "\(String(describing: error))")

    // Another test's connection may hold the port for a moment (as its ephemeral port).
    var second: SluiceInteropServer?
    for attempt in 1...300 where second == nil {
      do {
        second = try await SluiceInteropServer.start { $0.port = port }
      } catch where attempt < 300 && "\(error)".contains("Address already in use") {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    let restarted = try #require(second)
    _ = try await client.emptyCall(Grpc_Testing_Empty())
    #expect(await channel.connectivity() == .ready)
    channel.close()
    await restarted.stop()
  }

  @Test func goAwayDrainsItsConnectionAndNewCallsMoveToAnother() async throws {
    // Connection 1 answers its first call late and refuses the next one with GOAWAY;
    // later connections answer at once with their number.
    let server = ScriptedServer { responder, streamID in
      guard responder.connectionID == 1 else {
        responder.sendHeaders(streamID)
        responder.sendMessage(streamID, [UInt8(responder.connectionID)])
        responder.sendTrailers(streamID)
        return
      }
      if streamID == 1 {
        responder.after(.milliseconds(300)) { responder in
          responder.sendHeaders(1)
          responder.sendMessage(1, [1])
          responder.sendTrailers(1)
        }
      } else {
        responder.goAway(lastStreamID: 1)
      }
    }
    let port = try await server.start()
    let channel = try localChannel(port: port)
    let inFlight = Task { try await channel.unary(method: rawMethod(), request: [1], options: CallOptions()) }
    #expect(await eventually { server.requests.count == 1 })
    // Refused by the GOAWAY (never processed), so retried on a new connection although
    // the method is not idempotent.
    let refused = try await channel.unary(method: rawMethod(), request: [2], options: CallOptions())
    #expect(refused.message == [2])
    let later = try await channel.unary(method: rawMethod(), request: [3], options: CallOptions())
    #expect(later.message == [2])
    // The call the server kept finishes on the draining connection.
    #expect(try await inFlight.value.message == [1])
    let requests = server.requests
    #expect(requests.map(\.connection) == [1, 1, 2, 2])
    #expect(requests.allSatisfy { $0.header("grpc-previous-rpc-attempts") == nil })
    channel.close()
    await server.stop()
  }

  @Test func connectionRefusedIsUnavailableWithTheReason() async throws {
    let refusing = try RefusingPort()
    defer { withExtendedLifetime(refusing) {} }
    let port = refusing.port
    // A backoff long enough that a slow machine still sees the channel backing off.
    let backoff = try ConnectionBackoff(initial: .seconds(120), multiplier: 1, jitter: 0, maximum: .seconds(120))
    let channel = try localChannel(port: port, configuration: .init(backoff: backoff))
    let error = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("refused") == true, "\(String(describing: error))")
    // While the address backs off, calls fail at once with the same reason.
    let started = ContinuousClock.now
    let again = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(again?.code == .unavailable)
    #expect(again?.message.contains("refused") == true, "\(String(describing: again))")
    #expect(ContinuousClock.now - started < .seconds(30))
    #expect(await channel.connectivity() == .transientFailure)
    channel.close()
  }

  @Test func reconnectAttemptsFollowTheBackoff() async throws {
    let listener = ClosingListener()
    let port = try await listener.start()
    // Attempts at 0 s and 1 s; the next would come at 4 s, after the call's deadline.
    let backoff = try ConnectionBackoff(initial: .seconds(1), multiplier: 3, jitter: 0, maximum: .seconds(30))
    let channel = try localChannel(port: port, configuration: .init(backoff: backoff))
    let error = await rpcError {
      _ = try await channel.unary(
        method: rawMethod(), request: [],
        options: CallOptions(timeout: .milliseconds(2_500), waitForReady: true))
    }
    #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
    let accepts = listener.acceptTimes
    #expect(accepts.count == 2)
    // 1 s apart, give or take how late the first accept was noted on a busy machine.
    if accepts.count == 2 { #expect(accepts[1] - accepts[0] >= .milliseconds(500)) }
    channel.close()
    await listener.stop()
  }

  @Test func aServerThatNeverAnswersGivesDeadlineExceeded() async throws {
    // Answers only the first call, which makes the connection.
    let server = ScriptedServer { responder, streamID in
      if streamID == 1 { answering()(responder, streamID) }
    }
    let port = try await server.start()
    let channel = try localChannel(port: port)
    _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    let started = ContinuousClock.now
    let error = await rpcError {
      _ = try await channel.unary(
        method: rawMethod(), request: [1], options: CallOptions(timeout: .milliseconds(300)))
    }
    #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
    #expect(ContinuousClock.now - started < .seconds(30))
    #expect(await eventually { server.requests.last?.closeCode == .cancel })
    channel.close()
    await server.stop()
  }

  @Test func roundRobinSkipsTheAddressThatIsDown() async throws {
    let first = ScriptedServer(script: answering([1]))
    let third = ScriptedServer(script: answering([3]))
    let firstPort = try await first.start()
    let refusing = try RefusingPort()
    defer { withExtendedLifetime(refusing) {} }
    let downPort = refusing.port
    let thirdPort = try await third.start()
    let channel = try ClientChannel(
      target: "ipv4:127.0.0.1:\(firstPort),127.0.0.1:\(downPort),127.0.0.1:\(thirdPort)")
    // Until the third server answered: its connection is ready, the second address's
    // attempt was refused (calls that came meanwhile went to the first server).
    var reachedThird = false
    for _ in 0..<500 where !reachedThird {
      let reply = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
      reachedThird = reply.message == [3]
      if !reachedThird { try await Task.sleep(for: .milliseconds(10)) }
    }
    #expect(reachedThird)
    var replies: [UInt8] = []
    for _ in 0..<20 {
      replies += try await channel.unary(method: rawMethod(), request: [], options: CallOptions()).message
    }
    #expect(replies.filter { $0 == 1 }.count >= 5, "\(replies)")
    #expect(replies.filter { $0 == 3 }.count >= 5, "\(replies)")
    channel.close()
    await first.stop()
    await third.stop()
  }

  @Test func theRetryBudgetRunsOut() async throws {
    let server = ScriptedServer { responder, streamID in
      failing(responder, streamID, status: 14)
    }
    let port = try await server.start()
    let throttle = try RetryThrottle(maxTokens: 10, tokenRatio: 0.1)
    let policy = try RetryPolicy(
      maxAttempts: 5, initialBackoff: .milliseconds(10), maxBackoff: .milliseconds(50))
    let channel = try localChannel(
      port: port, configuration: .init(retryPolicy: policy, retryThrottle: throttle))
    let first = await rpcError {
      _ = try await channel.unary(method: idempotentMethod(), request: [1], options: CallOptions())
    }
    #expect(first?.code == .unavailable)
    // Five attempts, each telling the server how many came before it.
    #expect(server.requests.map { $0.header("grpc-previous-rpc-attempts") } == [nil, "1", "2", "3", "4"])
    #expect(throttle.tokens == 5)
    // Half the budget is gone: the next call gets no retry.
    let second = await rpcError {
      _ = try await channel.unary(method: idempotentMethod(), request: [2], options: CallOptions())
    }
    #expect(second?.code == .unavailable)
    #expect(server.requests.count == 6)
    #expect(throttle.tokens == 4)
    channel.close()
    await server.stop()
  }
}
