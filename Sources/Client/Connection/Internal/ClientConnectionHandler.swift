internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

/// Drives one client connection's ``HTTP2Engine`` from its NIO channel: received bytes
/// in, engine events to the calls, frames out. Owns the calls open on the connection,
/// keyed by stream ID. Lives on the channel's event loop and is used only there.
final class ClientConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  enum Phase {
    /// Waiting for the TCP/TLS handshakes and the server's first SETTINGS.
    case connecting
    case ready
    /// GOAWAY received or close requested: open calls go on, new calls are refused.
    case draining
    case closed
  }

  let engine: HTTP2Engine
  let configuration: HTTP2ClientConnection.Configuration
  let requestHead: GRPCRequestHead
  let targetDescription: String
  /// Told about readiness, GOAWAY, streams and the close; set once the channel won the
  /// connect, dropped once closed.
  var owner: HTTP2ClientConnection?
  /// The server's SETTINGS_MAX_CONCURRENT_STREAMS.
  var peerMaxConcurrentStreams = Int(UInt32.max)
  var channelContext: ChannelHandlerContext?
  var phase = Phase.connecting
  /// Why the connection is closing, once known.
  var closeReason: HTTP2ClientConnection.CloseReason?
  /// The owner asked for the close (the drain then ends with `closedByOwner`).
  var closeRequested = false
  var goAway: (code: HTTP2ErrorCode, debug: String)?
  var calls: [Int32: ClientCall] = [:]
  var events: [HTTP2EngineEvent] = []
  var output: [UInt8] = []
  var spareBuffer: ByteBuffer?
  var needsFlush = false
  var started = false
  var keepaliveTask: RepeatedTask?
  var pingTimeout: Scheduled<Void>?
  var pingPayload: UInt64 = 0
  /// Made on first use: gzip for requests, one decompressor per response encoding.
  var compressor: Compressor?
  var gzipDecompressor: Decompressor?
  var deflateDecompressor: Decompressor?

  init(
    configuration: HTTP2ClientConnection.Configuration, requestHead: GRPCRequestHead,
    targetDescription: String
  ) throws(HTTP2EngineError) {
    var engineConfiguration = HTTP2EngineConfiguration()
    engineConfiguration.initialWindowSize = configuration.initialStreamWindowSize
    engineConfiguration.connectionWindowSize = configuration.connectionWindowSize
    engine = try HTTP2Engine(role: .client, configuration: engineConfiguration)
    self.configuration = configuration
    self.requestHead = requestHead
    self.targetDescription = targetDescription
  }

  var loopBound: NIOLoopBound<ClientConnectionHandler> {
    NIOLoopBound(self, eventLoop: channelContext!.eventLoop)
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    channelContext = context
    if context.channel.isActive { start() }
  }

  func channelActive(context: ChannelHandlerContext) {
    start()
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    do {
      try buffer.withUnsafeReadableBytes { (bytes) throws(HTTP2EngineError) in
        try engine.receive(bytes)
      }
    } catch {
      processEvents()
      failConnection(.protocolError("\(error)"))
      return
    }
    processEvents()
    needsFlush = true
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    if needsFlush { flushOutput() }
    context.fireChannelReadComplete()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted(let summary)? = event as? TLSUserEvent,
      summary.applicationProtocol != "h2"
    {
      let error = TLSError(
        code: .noApplicationProtocol,
        message: "the server selected \(summary.applicationProtocol ?? "no protocol") instead of h2")
      closeChannel(.tlsFailed(error))
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let error = error as? TLSError {
      closeChannel(.tlsFailed(error))
    } else {
      closeChannel(.ioError("\(error)"))
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    let reason =
      closeReason
      ?? goAway.map { .goAway($0.code, $0.debug) }
      ?? (phase == .connecting ? .connectFailed("the server closed the connection") : .peerClosed)
    closeReason = reason
    phase = .closed
    keepaliveTask?.cancel()
    keepaliveTask = nil
    pingTimeout?.cancel()
    pingTimeout = nil
    let open = calls
    calls.removeAll()
    let owner = self.owner
    self.owner = nil
    owner?.handlerClosed(reason)
    let error = unavailable(reason)
    for call in open.values where !call.isEnded {
      call.isEnded = true
      call.deadlineTimer?.cancel()
      call.complete(.failure(error))
    }
    context.fireChannelInactive()
  }

  // MARK: Output

  /// Writes everything the engine has to send, handling the events sending raises
  /// (streams closing, streams becoming writable).
  func flushOutput() {
    needsFlush = false
    guard let context = channelContext, phase != .closed else { return }
    var wrote = false
    while true {
      engine.produceOutput(into: &output)
      let produced = !output.isEmpty
      if produced {
        // The last buffer is reused once the socket has let go of it (writes usually
        // complete within the flush), so a call's frames cost no new buffer.
        var buffer = spareBuffer ?? context.channel.allocator.buffer(capacity: output.count)
        spareBuffer = nil
        buffer.clear()
        buffer.writeBytes(output)
        output.removeAll(keepingCapacity: true)
        context.write(wrapOutboundOut(buffer), promise: nil)
        spareBuffer = buffer
        wrote = true
      }
      let handled = processEvents()
      if !produced && !handled { break }
    }
    if wrote { context.flush() }
    if !engine.wantsRead && !engine.wantsWrite {
      closeChannel(closeReason ?? goAway.map { .goAway($0.code, $0.debug) } ?? .closedByOwner)
    }
  }

  /// Sends the GOAWAY the engine queued after a connection error, then closes.
  func failConnection(_ reason: HTTP2ClientConnection.CloseReason) {
    guard let context = channelContext, phase != .closed else { return }
    closeReason = closeReason ?? reason
    engine.produceOutput(into: &output)
    if !output.isEmpty {
      var buffer = context.channel.allocator.buffer(capacity: output.count)
      buffer.writeBytes(output)
      output.removeAll(keepingCapacity: true)
      context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }
    context.close(promise: nil)
  }

  /// Closes the channel now; calls still open fail with `UNAVAILABLE` and `reason`.
  func closeChannel(_ reason: HTTP2ClientConnection.CloseReason) {
    closeReason = closeReason ?? reason
    guard phase != .closed else { return }
    channelContext?.close(promise: nil)
  }

  /// The error calls fail with when the connection is gone.
  func unavailable(_ reason: HTTP2ClientConnection.CloseReason) -> RPCError {
    HTTP2ClientConnection.unavailable(targetDescription, reason)
  }

  private func start() {
    guard !started, channelContext != nil else { return }
    started = true
    flushOutput()
    startKeepalive()
  }
}
