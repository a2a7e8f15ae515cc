import NIOPosix
import SluiceClient
import SluiceGenerated
import SluiceRuntime
import SluiceTransport
import Testing

/// What calls see when the connection or the server misbehaves.
@Suite struct ConnectionFaultTests {
  @Test func connectionRefusedIsUnavailableWithTheReason() async throws {
    let refusing = try RefusingPort()
    defer { withExtendedLifetime(refusing) {} }
    let port = refusing.port
    let transport = try makeTransport(port: port, tls: false)
    let error = await rpcError {
      _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    transport.close()
    #expect(error?.code == .unavailable)
    // The reason names the address; usually "Connection refused", unless a busy machine
    // gave the closed port to another test's listener meanwhile.
    #expect(error?.message.contains("127.0.0.1:\(port)") == true, "\(String(describing: error))")
  }

  @Test func aServerThatNeverAnswersGivesDeadlineExceeded() async throws {
    // Answers only the first call, which makes the connection (so connecting on a busy
    // machine does not eat the deadline below).
    let server = ScriptedServer { responder, streamID in
      if streamID == 1 { answering()(responder, streamID) }
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    let started = ContinuousClock.now
    let error = await rpcError {
      _ = try await transport.unary(
        method: rawMethod(), request: [1, 2, 3], options: CallOptions(timeout: .milliseconds(300)))
    }
    let elapsed = ContinuousClock.now - started
    #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
    #expect(elapsed < .seconds(30))
    // The stream was reset with CANCEL, and the server saw the timeout.
    #expect(await eventually { server.requests.last?.closeCode == .cancel })
    let timeout = server.requests.last?.header("grpc-timeout").flatMap(GRPCTimeout.parse)
    #expect(timeout.map { $0 > .zero && $0 <= .milliseconds(300) } == true)
    transport.close()
    await server.stop()
  }

  @Test func taskCancellationCancelsTheCallAndResetsTheStream() async throws {
    let server = ScriptedServer { _, _ in }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let call = Task {
      await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
    }
    #expect(await eventually { server.requests.count == 1 })
    call.cancel()
    let error = await call.value
    #expect(error?.code == .cancelled, "\(String(describing: error))")
    #expect(await eventually { server.requests.first?.closeCode == .cancel })
    transport.close()
    await server.stop()
  }

  @Test func serverClosingMidStreamIsUnavailable() async throws {
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendMessage(streamID, [7])
      responder.after(.milliseconds(50)) { $0.closeConnection() }
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(method: rawMethod(.serverStreaming), options: CallOptions())
    try await stream.write([1])
    await stream.finishRequests()
    let first = try await stream.nextResponse()
    let error = await rpcError { _ = try await stream.nextResponse() }
    #expect(first == [7])
    #expect(error?.code == .unavailable, "\(String(describing: error))")
    #expect(error?.message.contains("closed") == true)
    transport.close()
    await server.stop()
  }

  @Test func goAwayLetsInFlightCallsFinishAndRefusesNewOnes() async throws {
    // Waits for two calls, lets the first finish and refuses the second (GOAWAY with the
    // first's stream ID), then answers the first.
    let server = ScriptedServer { responder, streamID in
      guard streamID == 3 else { return }
      responder.goAway(lastStreamID: 1)
      responder.after(.milliseconds(200)) { responder in
        responder.sendHeaders(1)
        responder.sendMessage(1, [42])
        responder.sendTrailers(1)
      }
    }
    let port = try await server.start()
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: port), eventLoop: MultiThreadedEventLoopGroup.singleton.next(),
      onEvent: events.handler)
    try await connection.connect()
    let first = Task {
      try await connection.unary(method: rawMethod(), request: [1], options: CallOptions())
    }
    #expect(await eventually { server.requests.count == 1 })
    let second = Task {
      await rpcError {
        _ = try await connection.unary(method: rawMethod(), request: [2], options: CallOptions())
      }
    }
    let goingAway = await events.first {
      if case .goingAway = $0 { return true }
      return false
    }
    #expect(goingAway == .goingAway(lastStreamID: 1, code: .noError))
    let refused = await second.value
    #expect(refused?.code == .unavailable, "\(String(describing: refused))")
    // A call made now is refused at once: the connection is draining.
    let late = await rpcError {
      _ = try await connection.unary(method: rawMethod(), request: [3], options: CallOptions())
    }
    #expect(late?.code == .unavailable)
    // Draining, or already closed when the accepted call finished first (a loaded machine).
    let lateMessage = late?.message ?? ""
    #expect(
      lateMessage.contains("draining") || lateMessage.contains("went away"), "\(String(describing: late))")
    switch connection.connectionState {
    case .draining, .closed: break
    default: Issue.record("expected a draining or closed connection, not \(connection.connectionState)")
    }
    // The call the server accepted finishes normally, then the connection closes.
    let response = try await first.value
    #expect(response.message == [42])
    let closed = await events.first {
      if case .closed = $0 { return true }
      return false
    }
    #expect(closed == .closed(.goAway(.noError, "")))
    #expect(server.requests.count == 2)
    await server.stop()
  }

  @Test func sluiceServerShutdownDrainsTheConnection() async throws {
    let server = try await SluiceInteropServer.start()
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: server.port),
      eventLoop: MultiThreadedEventLoopGroup.singleton.next(), onEvent: events.handler)
    let client = Grpc_Testing_TestService.Client(transport: connection)
    var request = Grpc_Testing_StreamingOutputCallRequest()
    request.responseParameters = (0..<4).map { _ in
      var parameters = InteropCase.parameters(100)
      parameters.intervalUs = 150_000
      return parameters
    }
    let responses = try await client.streamingOutputCall(request)
    var iterator = responses.makeAsyncIterator()
    let first = try await iterator.next()
    let shutdown = Task { await server.stop() }
    _ = await events.first {
      if case .goingAway = $0 { return true }
      return false
    }
    let refused = await rpcError { _ = try await client.emptyCall(Grpc_Testing_Empty()) }
    var count = first == nil ? 0 : 1
    while try await iterator.next() != nil { count += 1 }
    await shutdown.value
    #expect(refused?.code == .unavailable)
    #expect(count == 4)
    #expect(await events.first { if case .closed = $0 { true } else { false } } != nil)
  }

  @Test func keepaliveClosesAConnectionWhosePeerStoppedAnswering() async throws {
    let server = ScriptedServer { responder, _ in responder.stopReading() }
    let port = try await server.start()
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: port),
      configuration: .init(
        keepalive: .init(interval: .milliseconds(200), timeout: .milliseconds(300))),
      eventLoop: MultiThreadedEventLoopGroup.singleton.next(), onEvent: events.handler)
    let error = await rpcError {
      _ = try await connection.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("keepalive") == true, "\(String(describing: error))")
    #expect(await events.first { $0 == .closed(.keepaliveTimeout) } != nil)
    await server.stop()
  }
}
