internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

/// Serves the Connect protocol over HTTP/1.1, one request at a time behind NIO's
/// pipelining handler: unary calls (POST and GET, JSON or proto) and client- and
/// server-streaming calls (`application/connect+json|proto`, chunked bodies). gRPC and
/// Connect bidirectional streaming need HTTP/2: they get `505` and the connection closes.
///
/// Backpressure works both ways. A streaming handler's writes wait while the channel is
/// not writable (a slow reader holds the handler back); while a client-streaming handler
/// leaves more than `maxBufferedRequestBytes` unread, the connection stops reading from
/// the socket. Request heads over the header-list limit get `431`; a unary body whose
/// `content-length` exceeds the message limit gets `resource_exhausted` before any of it
/// is read. Responses are compressed as the client accepts (``ConnectResponseEncoder``).
/// Requests for the server's plain HTTP routes are answered before any of this.
final class HTTP1ConnectHandler: ChannelDuplexHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundIn = HTTPServerResponsePart
  typealias OutboundOut = HTTPServerResponsePart

  /// What a handler's write led to.
  enum WriteOutcome: Sendable {
    case written
    /// Written, but the channel is over its high-water mark: wait before writing more.
    case blocked
    case failed(RPCError)
  }

  /// The most body bytes still to come after an early response that are read and
  /// dropped to keep the connection open; a longer (or unannounced) rest closes it.
  static let maxDrainedBodyBytes = 64 << 10
  /// How long a closing connection keeps reading (and dropping) what the client still
  /// sends, so the client reads its response instead of a TCP reset.
  static let lingerTime = TimeAmount.seconds(1)

  let router: RPCRouter
  /// Plain HTTP routes, answered before RPC routing.
  let routes: HTTPRouteTable
  let options: ServerProtocolOptions
  /// Request bytes a client-streaming handler may leave unread before reading pauses.
  let maxBufferedRequestBytes: Int
  /// The largest request head (request line and header fields) accepted, in bytes.
  let maxHeaderListSize: Int
  let executor: EventLoopTaskExecutor
  /// The TLS client certificate identity, the same for every call on the connection.
  let authContext: AuthContext?
  var channelContext: ChannelHandlerContext?
  var call: HTTP1Call?
  var callCount = 0
  let writer = HTTP1ResponseWriter()
  var headerBlock = HeaderBlock()
  var peer = "unknown"
  var closeWhenIdle = false
  /// The connection is closing: input is read and dropped.
  var isClosing = false
  /// Reading from the socket is paused (a client-streaming handler lags).
  var readsPaused = false
  /// A read was asked for while paused.
  var readPending = false

  init(
    configuration: ServerConfiguration, router: RPCRouter, routes: HTTPRouteTable,
    executor: EventLoopTaskExecutor, authContext: AuthContext? = nil
  ) {
    self.router = router
    self.routes = routes
    options = configuration.protocolOptions
    maxBufferedRequestBytes = configuration.maxBufferedRequestBytes
    maxHeaderListSize = Int(configuration.maxHeaderListSize)
    self.executor = executor
    self.authContext = authContext
  }

  /// A Sendable reference for handler tasks, valid on this connection's loop.
  var loopBound: NIOLoopBound<HTTP1ConnectHandler> {
    NIOLoopBound(self, eventLoop: executor.loop)
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    channelContext = context
    peer = HTTP2ConnectionHandler.describe(context.channel.remoteAddress)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      guard !isClosing else { return }
      receiveHead(head)
    case .body(let body):
      receiveBody(body)
    case .end:
      receiveEnd()
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    isClosing = true
    if let call {
      self.call = nil
      call.deadline?.cancel()
      _ = call.streaming?.receiveReset()
      _ = call.unary?.receiveReset()
      call.cancelHandler()
    }
    context.fireChannelInactive()
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable { call?.resumeWriter(nil) }
    context.fireChannelWritabilityChanged()
  }

  func read(context: ChannelHandlerContext) {
    if readsPaused {
      readPending = true
    } else {
      context.read()
    }
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard event is ServerShutdownEvent else {
      context.fireUserInboundEventTriggered(event)
      return
    }
    closeWhenIdle = true
    if call == nil && !writer.isOpen { context.close(promise: nil) }
  }

  /// A malformed request (HTTP/1.1 syntax, a head over the size limit) gets `400` or
  /// `431` when no response has begun, and the connection closes.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    guard !isClosing else { return }
    guard let parserError = error as? HTTPParserError, !writer.isOpen else {
      abortConnection()
      return
    }
    let rejection: RejectedRequest
    if case .headerOverflow = parserError {
      rejection = RejectedRequest(
        form: .plain, httpStatus: 431,
        error: RPCError(
          code: .resourceExhausted,
          message: "request head larger than \(maxHeaderListSize) bytes"))
    } else {
      rejection = RejectedRequest(
        form: .plain, httpStatus: 400,
        error: RPCError(code: .internal, message: "malformed HTTP/1.1 request: \(parserError)"))
    }
    let version = call?.version ?? .http1_1
    if let call {
      self.call = nil
      call.deadline?.cancel()
      call.cancelHandler()
    }
    headerBlock.removeAll()
    rejection.writeHeaders(into: &headerBlock)
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    writer.begin(headerBlock, version: version)
    writer.append(body)
    closeConnection(after: writer.end(context: context, keepAlive: false), linger: true)
  }

  // MARK: Reading

  /// Stops reading from the socket until ``resumeReading()``.
  func pauseReading() {
    guard !isClosing else { return }
    readsPaused = true
  }

  /// Reads again, issuing the read that was held back.
  func resumeReading() {
    readsPaused = false
    if readPending, let context = channelContext {
      readPending = false
      context.read()
    }
  }

  // MARK: Closing

  /// Closes the connection once `written` completes. With `linger` (the client may still
  /// be sending), the output side closes first and input is read and dropped for
  /// ``lingerTime``, so the client gets its response rather than a reset.
  func closeConnection(after written: EventLoopFuture<Void>, linger: Bool) {
    guard let context = channelContext else { return }
    isClosing = true
    resumeReading()
    let channel = context.channel
    written.whenComplete { _ in
      guard linger else {
        channel.close(promise: nil)
        return
      }
      let halfClosed = channel.eventLoop.makePromise(of: Void.self)
      halfClosed.futureResult.whenFailure { _ in channel.close(promise: nil) }
      channel.close(mode: .output, promise: halfClosed)
      channel.eventLoop.scheduleTask(in: Self.lingerTime) { channel.close(promise: nil) }
    }
  }

  /// Closes the connection now: HTTP/1.1's only way to abort a call.
  func abortConnection() {
    isClosing = true
    channelContext?.close(promise: nil)
  }
}
