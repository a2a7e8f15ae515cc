import NIOCore
import NIOPosix
import SluiceRuntime
import SluiceTransport
import Synchronization

/// A bare HTTP/2 server for fault tests: Sluice's ``HTTP2Engine`` in the server role on
/// NIO, answering each request as the test's script says (or not at all), and recording
/// what the client sent.
final class ScriptedServer: Sendable {
  /// What one request looked like on the wire.
  struct Request: Sendable {
    var connection: Int
    var streamID: Int32
    var headers: [(name: String, value: String)]
    var body: [UInt8] = []
    var ended = false
    /// The RST_STREAM code when the stream was reset, `.noError` when it closed normally.
    var closeCode: HTTP2ErrorCode?

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
  }

  /// Called on the connection's event loop when a request's headers arrive.
  typealias Script = @Sendable (Responder, Int32) -> Void

  private let script: Script
  private let maxConcurrentStreams: UInt32?
  private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  private let state = Mutex(State())

  private struct State {
    var requests: [Request] = []
    var listener: (any Channel)?
    var connections = 0
  }

  /// - Parameter maxConcurrentStreams: The SETTINGS_MAX_CONCURRENT_STREAMS announced; nil
  ///   announces the engine's default.
  init(maxConcurrentStreams: UInt32? = nil, script: @escaping Script) {
    self.maxConcurrentStreams = maxConcurrentStreams
    self.script = script
  }

  /// Requests so far, in arrival order.
  var requests: [Request] { state.withLock { $0.requests } }

  /// Listens on 127.0.0.1 at an ephemeral port (or on `unixSocket`); returns the port.
  func start(unixSocket: String? = nil) async throws -> Int {
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { [self] channel in
        let id = state.withLock { state in
          state.connections += 1
          return state.connections
        }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            ScriptedConnection(server: self, id: id, maxConcurrentStreams: maxConcurrentStreams))
        }
      }
    let listener =
      if let unixSocket {
        try await bootstrap.bind(unixDomainSocketPath: unixSocket, cleanupExistingSocketFile: true).get()
      } else {
        try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
      }
    state.withLock { $0.listener = listener }
    return listener.localAddress?.port ?? 0
  }

  func stop() async {
    let listener = state.withLock { $0.listener }
    try? await listener?.close()
    try? await group.shutdownGracefully()
  }

  fileprivate func received(_ connection: ScriptedConnection, _ streamID: Int32, headers: HTTP2Headers, endStream: Bool) {
    let request = Request(
      connection: connection.id, streamID: streamID,
      headers: headers.map { ($0.nameString, $0.valueString) }, ended: endStream)
    state.withLock { $0.requests.append(request) }
    script(Responder(connection: NIOLoopBound(connection, eventLoop: connection.context!.eventLoop)), streamID)
  }

  fileprivate func update(_ connection: Int, _ streamID: Int32, _ body: (inout Request) -> Void) {
    state.withLock { state in
      if let index = state.requests.lastIndex(where: { $0.connection == connection && $0.streamID == streamID }) {
        body(&state.requests[index])
      }
    }
  }
}

/// How a script answers, on the connection's event loop.
struct Responder: Sendable {
  fileprivate let connection: NIOLoopBound<ScriptedConnection>

  /// The number of the connection the request came on (1 for the first accepted).
  var connectionID: Int { connection.value.id }

  /// Response headers: `:status 200`, gRPC's content type, and `extra`.
  func sendHeaders(_ streamID: Int32, _ fields: [(String, String)]? = nil, endStream: Bool = false) {
    let fields = fields ?? [(":status", "200"), ("content-type", "application/grpc")]
    connection.value.perform { engine in
      try engine.submitResponse(streamID: streamID, headers: HTTP2Headers(fields), endStream: endStream)
    }
  }

  /// One length-prefixed message (`flags` 1 marks it compressed).
  func sendMessage(_ streamID: Int32, _ payload: [UInt8], flags: UInt8 = 0) {
    var framed: [UInt8] = [flags]
    withUnsafeBytes(of: UInt32(payload.count).bigEndian) { framed.append(contentsOf: $0) }
    framed.append(contentsOf: payload)
    sendData(streamID, framed)
  }

  func sendData(_ streamID: Int32, _ bytes: [UInt8], endStream: Bool = false) {
    connection.value.perform { engine in
      try engine.sendData(streamID: streamID, bytes: bytes, endStream: endStream)
    }
  }

  /// Trailers with `grpc-status` (and `grpc-message` when given) and `extra`.
  func sendTrailers(_ streamID: Int32, status: Int = 0, message: String? = nil, extra: [(String, String)] = []) {
    var fields = [("grpc-status", String(status))]
    if let message { fields.append(("grpc-message", message)) }
    connection.value.perform { engine in
      try engine.submitTrailers(streamID: streamID, headers: HTTP2Headers(fields + extra))
    }
  }

  func reset(_ streamID: Int32, code: HTTP2ErrorCode) {
    connection.value.perform { engine in try engine.resetStream(streamID: streamID, code: code) }
  }

  func goAway(lastStreamID: Int32, code: HTTP2ErrorCode = .noError) {
    connection.value.perform { engine in try engine.submitGoAway(lastStreamID: lastStreamID, code: code) }
  }

  /// Closes the TCP connection without GOAWAY.
  func closeConnection() {
    connection.value.context?.close(promise: nil)
  }

  /// Stops reading from the socket: PINGs go unanswered, windows stay shut.
  func stopReading() {
    connection.value.context?.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
  }

  /// Bytes queued on the stream and not yet sent (flow control holds them back).
  func queuedBytes(_ streamID: Int32) -> Int {
    connection.value.engine.queuedBytes(streamID: streamID)
  }

  /// Runs `body` on the same loop once the client ended the request on `streamID`
  /// (checked every 10 ms).
  func whenRequestEnds(_ streamID: Int32, _ body: @escaping @Sendable (Responder) -> Void) {
    let connectionID = connectionID
    let ended = connection.value.server.requests.contains {
      $0.connection == connectionID && $0.streamID == streamID && $0.ended
    }
    if ended {
      body(self)
    } else {
      after(.milliseconds(10)) { $0.whenRequestEnds(streamID, body) }
    }
  }

  /// Runs `body` after `delay`, on the same loop.
  func after(_ delay: Duration, _ body: @escaping @Sendable (Responder) -> Void) {
    let responder = self
    let (seconds, attoseconds) = delay.components
    connection.eventLoop.scheduleTask(
      in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    ) {
      body(responder)
    }
  }
}

/// One accepted connection of a ``ScriptedServer``.
private final class ScriptedConnection: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  let server: ScriptedServer
  let id: Int
  let engine: HTTP2Engine
  var context: ChannelHandlerContext?
  private var events: [HTTP2EngineEvent] = []
  private var output: [UInt8] = []

  init(server: ScriptedServer, id: Int, maxConcurrentStreams: UInt32?) throws {
    self.server = server
    self.id = id
    var configuration = HTTP2EngineConfiguration()
    if let maxConcurrentStreams { configuration.maxConcurrentStreams = maxConcurrentStreams }
    engine = try HTTP2Engine(role: .server, configuration: configuration)
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    flush()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    let failed = buffer.withUnsafeReadableBytes { bytes in
      (try? engine.receive(bytes)) == nil
    }
    flush()
    if failed { context.close(promise: nil) }
  }

  /// Runs an engine submission and sends what it produced.
  func perform(_ body: (HTTP2Engine) throws -> Void) {
    try? body(engine)
    flush()
  }

  private func flush() {
    guard let context else { return }
    while true {
      engine.takeEvents(into: &events)
      let hadEvents = !events.isEmpty
      let batch = events
      events.removeAll()
      for event in batch { handle(event) }
      engine.produceOutput(into: &output)
      if !output.isEmpty {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: output)), promise: nil)
        output.removeAll()
      } else if !hadEvents {
        break
      }
    }
  }

  private func handle(_ event: HTTP2EngineEvent) {
    switch event {
    case .requestHeaders(let streamID, let headers, let endStream):
      server.received(self, streamID, headers: headers, endStream: endStream)
    case .data(let streamID, let bytes, let endStream):
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
      server.update(id, streamID) { request in
        request.body += bytes
        request.ended = request.ended || endStream
      }
    case .trailers(let streamID, _):
      server.update(id, streamID) { $0.ended = true }
    case .streamClosed(let streamID, let code):
      server.update(id, streamID) { $0.closeCode = code }
    default:
      break
    }
  }
}
