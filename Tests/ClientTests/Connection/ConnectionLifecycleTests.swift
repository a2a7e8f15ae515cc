import Foundation
import NIOCore
import NIOPosix
import SluiceClient
import SluiceGenerated
import SluiceRuntime
import SluiceServer
import SluiceTestSupport
import SluiceTransport
import Synchronization
import Testing

/// A connection's life as its owner sees it: events, limits, closing, flow control,
/// Unix sockets and TLS failures.
@Suite struct ConnectionLifecycleTests {
  private var loop: any EventLoop { MultiThreadedEventLoopGroup.singleton.next() }

  @Test func eventsReportReadinessStreamsAndTheClose() async throws {
    let server = try await SluiceInteropServer.start { $0.maxConcurrentStreams = 7 }
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: server.port), eventLoop: loop, onEvent: events.handler)
    #expect(connection.connectionState == .idle)
    try await connection.connect()
    #expect(connection.connectionState == .ready)
    #expect(connection.maxConcurrentStreams == 7)
    #expect(events.all.first == .ready(maxConcurrentStreams: 7))
    let client = Grpc_Testing_TestService.Client(transport: connection)
    _ = try await client.emptyCall(Grpc_Testing_Empty())
    #expect(await events.first { $0 == .streamClosed(openStreams: 0) } != nil)
    #expect(connection.openStreams == 0)
    connection.close()
    #expect(await events.first { $0 == .closed(.closedByOwner) } != nil)
    #expect(connection.connectionState == .closed(.closedByOwner))
    let error = await rpcError { _ = try await client.emptyCall(Grpc_Testing_Empty()) }
    #expect(error?.code == .unavailable)
    await server.stop()
  }

  @Test func gracefulCloseLetsOpenCallsFinish() async throws {
    let server = try await SluiceInteropServer.start()
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: server.port), eventLoop: loop, onEvent: events.handler)
    let client = Grpc_Testing_TestService.Client(transport: connection)
    var request = Grpc_Testing_StreamingOutputCallRequest()
    request.responseParameters = (0..<3).map { _ in
      var parameters = InteropCase.parameters(10)
      parameters.intervalUs = 100_000
      return parameters
    }
    let responses = try await client.streamingOutputCall(request)
    connection.close()
    let refused = await rpcError { _ = try await client.emptyCall(Grpc_Testing_Empty()) }
    #expect(refused?.code == .unavailable)
    var count = 0
    for try await _ in responses { count += 1 }
    #expect(count == 3)
    #expect(await events.first { $0 == .closed(.closedByOwner) } != nil)
    await server.stop()
  }

  @Test func abortFailsOpenCalls() async throws {
    let server = ScriptedServer { _, _ in }
    let port = try await server.start()
    let connection = HTTP2ClientConnection(target: .host("127.0.0.1", port: port), eventLoop: loop)
    let call = Task {
      await rpcError { _ = try await connection.unary(method: rawMethod(), request: [], options: CallOptions()) }
    }
    #expect(await eventually { server.requests.count == 1 })
    connection.abort()
    let error = await call.value
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("closed by its owner") == true, "\(String(describing: error))")
    await server.stop()
  }

  @Test func callsBeyondTheServersStreamLimitWaitForAStream() async throws {
    let server = try await SluiceInteropServer.start { $0.maxConcurrentStreams = 2 }
    let transport = try makeTransport(port: server.port, tls: false)
    let client = Grpc_Testing_TestService.Client(transport: transport)
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<6 {
        group.addTask {
          var request = Grpc_Testing_StreamingOutputCallRequest()
          var parameters = InteropCase.parameters(10)
          parameters.intervalUs = 50_000
          request.responseParameters = [parameters, parameters]
          var count = 0
          for try await _ in try await client.streamingOutputCall(request) { count += 1 }
          return count
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == [2, 2, 2, 2, 2, 2])
    transport.close()
    await server.stop()
  }

  @Test func anUnreadStreamHoldsTheServerBack() async throws {
    let chunk = 64 * 1024
    let count = 64
    let queuedWhileUnread = Mutex(0)
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      for _ in 0..<count { responder.sendMessage(streamID, [UInt8](repeating: 1, count: chunk)) }
      responder.sendTrailers(streamID)
      responder.after(.milliseconds(500)) { responder in
        queuedWhileUnread.withLock { $0 = responder.queuedBytes(streamID) }
      }
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(method: rawMethod(.serverStreaming), options: CallOptions())
    await stream.finishRequests()
    try await Task.sleep(for: .seconds(1))
    // Sent at most: the stream window (256 KiB) plus the read-ahead buffer (256 KiB),
    // with a frame or two of slack.
    let unsent = queuedWhileUnread.withLock { $0 }
    #expect(unsent >= count * (chunk + 5) - 640 * 1024, "only \(unsent) bytes held back")
    var received = 0
    while let message = try await stream.nextResponse() {
      #expect(message.count == chunk)
      received += 1
    }
    #expect(received == count)
    transport.close()
    await server.stop()
  }

  @Test func unixDomainSockets() async throws {
    let path = try TLSTestPKI.scratchDirectory() + "/grpc.sock"
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendMessage(streamID, [4, 2])
      responder.sendTrailers(streamID)
    }
    _ = try await server.start(unixSocket: path)
    let transport = try ClientChannel(target: .addresses([.unixDomainSocket(path: path)]))
    let response = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [4, 2])
    #expect(server.requests.first?.header(":authority") == "localhost")
    transport.close()
    await server.stop()
  }

  @Test func theTransportReconnectsAfterTheConnectionCloses() async throws {
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendMessage(streamID, [1])
      responder.sendTrailers(streamID)
      responder.after(.milliseconds(20)) { $0.closeConnection() }
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    for _ in 0..<3 {
      let response = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      #expect(response.message == [1])
      // The server closes the connection shortly after answering; wait until the channel
      // saw it, so the next call does not race the close.
      var closed = false
      for _ in 0..<500 where !closed {
        try await Task.sleep(for: .milliseconds(10))
        closed = await transport.connectivity() == .idle
      }
      #expect(closed)
    }
    #expect(Set(server.requests.map(\.connection)).count == 3)
    transport.close()
    await server.stop()
  }

  @Test func waitForReadyKeepsTryingUntilTheDeadline() async throws {
    let refusing = try RefusingPort()
    defer { withExtendedLifetime(refusing) {} }
    let port = refusing.port
    let transport = try makeTransport(port: port, tls: false)
    let started = ContinuousClock.now
    let error = await rpcError {
      _ = try await transport.unary(
        method: rawMethod(), request: [],
        options: CallOptions(timeout: .milliseconds(1_500), waitForReady: true))
    }
    #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
    #expect(ContinuousClock.now - started >= .milliseconds(1_400))
    transport.close()
  }

  @Test func tlsFailuresAreUnavailableWithTheReason() async throws {
    let pki = TLSTestPKI.shared
    // A server certificate the client does not trust.
    let untrusted = try await SluiceInteropServer.start(tls: true) { configuration in
      configuration.tls = pki.serverConfiguration(pki.selfSignedServer)
    }
    let transport = try makeTransport(port: untrusted.port, tls: true)
    let error = await rpcError {
      _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("TLS") == true, "\(String(describing: error))")
    transport.close()
    await untrusted.stop()

    // A server requiring a client certificate: refused without one, served with one.
    let mutual = try await SluiceInteropServer.start(tls: true, requireClientCertificate: true)
    let anonymous = try makeTransport(port: mutual.port, tls: true)
    let refused = await rpcError {
      _ = try await Grpc_Testing_TestService.Client(transport: anonymous).emptyCall(Grpc_Testing_Empty())
    }
    #expect(refused?.code == .unavailable, "\(String(describing: refused))")
    anonymous.close()
    let identified = try makeTransport(port: mutual.port, tls: true, identity: pki.client)
    _ = try await Grpc_Testing_TestService.Client(transport: identified).emptyCall(Grpc_Testing_Empty())
    identified.close()
    await mutual.stop()
  }

  @Test func aServerWithoutH2IsRefused() async throws {
    let pki = TLSTestPKI.shared
    let server = try await SluiceInteropServer.start(tls: true) { configuration in
      configuration.tls = pki.serverConfiguration(applicationProtocols: ["http/1.1"])
    }
    let transport = try makeTransport(port: server.port, tls: true)
    let error = await rpcError {
      _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("TLS") == true, "\(String(describing: error))")
    transport.close()
    await server.stop()
  }

  @Test func connectingTimesOutWhenTheServerSaysNothing() async throws {
    // Accepts TCP connections and never speaks HTTP/2.
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
      .bind(host: "127.0.0.1", port: 0).get()
    let events = EventRecorder()
    let connection = HTTP2ClientConnection(
      target: .host("127.0.0.1", port: listener.localAddress?.port ?? 0),
      configuration: .init(connectTimeout: .milliseconds(300)), eventLoop: loop,
      onEvent: events.handler)
    let started = ContinuousClock.now
    let error = await rpcError { try await connection.connect() }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("connecting took longer") == true, "\(String(describing: error))")
    #expect(ContinuousClock.now - started < .seconds(30))
    #expect(events.all == [.closed(.connectTimeout(.milliseconds(300)))])
    try await listener.close()
  }
}
