internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

/// Serves one HTTP/2 (h2c) connection: owns its ``HTTP2Engine``, turns engine events into
/// state-machine events per stream, and runs each call's handler as a task that prefers
/// this connection's event loop. Requests for the server's plain HTTP routes are answered
/// before RPC routing.
final class HTTP2ConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// What a handler's write led to.
  enum WriteOutcome: Sendable {
    case written
    /// Queued, but the stream is over its high-water mark: wait before writing more.
    case blocked
    case failed(RPCError)
  }

  static let shutdownPingPayload: UInt64 = 0x5_1_1C_E0_00
  static let keepalivePingPayload: UInt64 = 0x5_1_1C_E0_01

  let engine: HTTP2Engine
  let router: RPCRouter
  /// Plain HTTP routes, answered before RPC routing.
  let routes: HTTPRouteTable
  let options: ServerProtocolOptions
  /// When responses are compressed (`options.responseCompression`).
  let responseCompression: ResponseCompressionPolicy
  /// What response headers list as accepted request compression.
  let acceptedCompression: CompressionAlgorithmSet
  /// Keepalive, idleness and client PING policing.
  var management: ConnectionManagementStateMachine
  var idleTimer: Scheduled<Void>?
  var keepaliveTimer: Scheduled<Void>?
  let maxBufferedRequestBytes: Int
  let executor: EventLoopTaskExecutor
  var channelContext: ChannelHandlerContext?
  var streams: [Int32: HTTP2ServerStream] = [:]
  /// The handler tasks of route requests not yet answered, by stream.
  var routeTasks: [Int32: Task<Void, Never>] = [:]
  var events: [HTTP2EngineEvent] = []
  var output: [UInt8] = []
  var headerBlock = HeaderBlock()
  var peer = "unknown"
  /// The TLS client certificate identity, the same for every call on the connection.
  let authContext: AuthContext?
  var isShuttingDown = false
  /// The GOAWAY fixing the last stream went out (the second step of a graceful shutdown).
  var sentFinalGoAway = false
  var shutdownPingTimer: Scheduled<Void>?
  var isClosed = false
  var needsFlush = false
  /// A flush is queued on the loop (see ``scheduleFlush()``).
  var flushScheduled = false

  init(
    configuration: ServerConfiguration, router: RPCRouter, routes: HTTPRouteTable,
    executor: EventLoopTaskExecutor, authContext: AuthContext? = nil
  ) throws(HTTP2EngineError) {
    var engineConfiguration = HTTP2EngineConfiguration()
    engineConfiguration.maxConcurrentStreams = configuration.maxConcurrentStreams
    engineConfiguration.initialWindowSize = configuration.initialWindowSize
    engineConfiguration.connectionWindowSize = max(
      engineConfiguration.connectionWindowSize, configuration.initialWindowSize * 2)
    engineConfiguration.maxHeaderListSize = configuration.maxHeaderListSize
    engine = try HTTP2Engine(role: .server, configuration: engineConfiguration)
    self.router = router
    self.routes = routes
    options = configuration.protocolOptions
    responseCompression = options.responseCompression
    acceptedCompression = options.acceptedCompression
    management = ConnectionManagementStateMachine(
      configuration: Self.managementConfiguration(configuration), now: .now())
    maxBufferedRequestBytes = configuration.maxBufferedRequestBytes
    self.executor = executor
    self.authContext = authContext
  }

  /// A Sendable reference for handler tasks, valid on this connection's loop.
  var loopBound: NIOLoopBound<HTTP2ConnectionHandler> {
    NIOLoopBound(self, eventLoop: executor.loop)
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    channelContext = context
    peer = Self.describe(context.channel.remoteAddress)
    startManagementTimers()
    flushOutput()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    if management.configuration.keepaliveInterval != nil {
      management.bytesReceived(now: .now())
    }
    do {
      try buffer.withUnsafeReadableBytes { (bytes) throws(HTTP2EngineError) in
        try engine.receive(bytes)
      }
    } catch {
      processEvents()
      flushAndClose()
      return
    }
    processEvents()
    needsFlush = true
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    if needsFlush { flushOutput() }
    context.fireChannelReadComplete()
  }

  func channelInactive(context: ChannelHandlerContext) {
    isClosed = true
    idleTimer?.cancel()
    keepaliveTimer?.cancel()
    shutdownPingTimer?.cancel()
    let open = streams
    streams.removeAll()
    for stream in open.values {
      stream.deadline?.cancel()
      stream.cancelHandler()
    }
    cancelRouteTasks()
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is ServerShutdownEvent {
      beginGracefulShutdown()
    } else {
      context.fireUserInboundEventTriggered(event)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }

  // MARK: Output

  /// Writes everything the engine has to send, handling the events sending raises
  /// (stream closes, writable streams), and closes the connection once the session is
  /// over.
  func flushOutput() {
    needsFlush = false
    guard let context = channelContext, !isClosed else { return }
    var wrote = false
    while true {
      engine.produceOutput(into: &output)
      let produced = !output.isEmpty
      if produced {
        var buffer = context.channel.allocator.buffer(capacity: output.count)
        buffer.writeBytes(output)
        output.removeAll(keepingCapacity: true)
        context.write(wrapOutboundOut(buffer), promise: nil)
        wrote = true
      }
      let handled = processEvents()
      if !produced && !handled { break }
    }
    if wrote { context.flush() }
    if !engine.wantsRead && !engine.wantsWrite {
      isClosed = true
      context.close(promise: nil)
    }
  }

  /// Flushes once the loop has run the jobs it already holds, so that the handlers that
  /// finish in one tick (a committed batch of writes resumes many at once) share one write
  /// to the socket instead of one each.
  func scheduleFlush() {
    guard !flushScheduled else { return }
    flushScheduled = true
    let connection = loopBound
    executor.loop.execute {
      connection.value.flushScheduled = false
      connection.value.flushOutput()
    }
  }

  /// Sends the pending output (ending with a GOAWAY), then closes.
  func flushAndClose() {
    guard let context = channelContext, !isClosed else { return }
    engine.produceOutput(into: &output)
    var buffer = context.channel.allocator.buffer(capacity: output.count)
    buffer.writeBytes(output)
    output.removeAll(keepingCapacity: true)
    isClosed = true
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in
      channel.close(promise: nil)
    }
  }

  // MARK: Engine events

  /// Dispatches the engine's pending events; returns whether there were any.
  @discardableResult
  func processEvents() -> Bool {
    var batch: [HTTP2EngineEvent] = []
    swap(&batch, &events)
    engine.takeEvents(into: &batch)
    let any = !batch.isEmpty
    for event in batch {
      switch event {
      case .requestHeaders(let streamID, let headers, let endStream):
        openStream(streamID, headers: headers, endStream: endStream)
      case .data(let streamID, let bytes, let endStream):
        receiveData(streamID, bytes: bytes, endStream: endStream)
      case .trailers(let streamID, _):
        receiveEndOfStream(streamID)
      case .streamClosed(let streamID, _):
        closeStream(streamID)
      case .streamWritable(let streamID):
        streams[streamID]?.resumeWriter(nil)
      case .ping(let ack, let payload):
        receivePing(ack: ack, payload: payload)
      case .responseHeaders, .goAway, .settingsChanged:
        break
      }
    }
    batch.removeAll(keepingCapacity: true)
    if events.isEmpty { swap(&batch, &events) }
    return any
  }

  /// GOAWAY in two steps: a notice with the largest stream ID and a PING, then, when the
  /// PING returns (or after ``shutdownPingTimeout`` without an answer), the real last
  /// stream ID. The connection closes when its calls end.
  func beginGracefulShutdown() {
    guard !isShuttingDown, !isClosed else { return }
    isShuttingDown = true
    do {
      try engine.submitShutdownNotice()
      try engine.submitPing(payload: Self.shutdownPingPayload)
    } catch {
      channelContext?.close(promise: nil)
      return
    }
    let connection = loopBound
    shutdownPingTimer = executor.loop.scheduleTask(in: Self.shutdownPingTimeout) {
      connection.value.sendFinalGoAway()
      connection.value.flushOutput()
    }
    flushOutput()
  }

  /// How long the shutdown PING may go unanswered (grpc-go waits as long).
  static let shutdownPingTimeout = TimeAmount.seconds(5)

  /// The second step of a graceful shutdown: GOAWAY with the last stream processed
  /// (queued; the caller flushes).
  func sendFinalGoAway() {
    shutdownPingTimer?.cancel()
    shutdownPingTimer = nil
    guard isShuttingDown, !sentFinalGoAway, !isClosed else { return }
    sentFinalGoAway = true
    try? engine.submitGoAway()
  }

  static func describe(_ address: SocketAddress?) -> String {
    guard let address else { return "unknown" }
    switch address {
    case .v4: return "ipv4:\(address.ipAddress ?? ""):\(address.port ?? 0)"
    case .v6: return "ipv6:[\(address.ipAddress ?? "")]:\(address.port ?? 0)"
    case .unixDomainSocket: return "unix:\(address.pathname ?? "")"
    }
  }
}

/// Sent down every connection's pipeline to start a graceful shutdown.
struct ServerShutdownEvent: Sendable {}
