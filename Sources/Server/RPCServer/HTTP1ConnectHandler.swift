internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

/// Serves Connect unary calls (POST and GET, JSON or proto) over HTTP/1.1, one request
/// at a time behind NIO's pipelining handler. gRPC needs HTTP/2: such requests get
/// `505 HTTP Version Not Supported`.
final class HTTP1ConnectHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  /// The request being served.
  private final class Call {
    let number: Int
    let version: HTTPVersion
    let keepAlive: Bool
    var request: RPCRequest?
    var context: ServerContext?
    var machine: ConnectUnaryStateMachine?
    /// A response decided from the headers, sent once the body is read.
    var rejection: RejectedRequest?
    var task: Task<Void, Never>?
    var deadline: Scheduled<Void>?
    var responded = false

    init(number: Int, head: HTTPRequestHead) {
      self.number = number
      version = head.version
      keepAlive = head.isKeepAlive
    }
  }

  let router: RPCRouter
  let options: ServerProtocolOptions
  let executor: EventLoopTaskExecutor
  private var channelContext: ChannelHandlerContext?
  private var call: Call?
  private var callCount = 0
  private var closeWhenIdle = false
  private var headerBlock = HeaderBlock()
  private var peer = "unknown"
  /// The TLS client certificate identity, the same for every call on the connection.
  private let authContext: AuthContext?

  init(
    router: RPCRouter, options: ServerProtocolOptions, executor: EventLoopTaskExecutor,
    authContext: AuthContext? = nil
  ) {
    self.router = router
    self.options = options
    self.executor = executor
    self.authContext = authContext
  }

  func handlerAdded(context: ChannelHandlerContext) {
    channelContext = context
    peer = HTTP2ConnectionHandler.describe(context.channel.remoteAddress)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      receiveHead(head)
    case .body(let body):
      guard let call, !call.responded, call.rejection == nil else { return }
      let action = body.withUnsafeReadableBytes { call.machine?.receiveData($0) }
      if let action { perform(action, call: call) }
    case .end:
      guard let call, !call.responded else { return }
      if let rejection = call.rejection {
        writeRejection(rejection, call: call)
      } else if let action = call.machine?.receiveEndOfStream() {
        perform(action, call: call)
      }
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    call?.task?.cancel()
    call?.deadline?.cancel()
    call = nil
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard event is ServerShutdownEvent else {
      context.fireUserInboundEventTriggered(event)
      return
    }
    closeWhenIdle = true
    if call == nil { context.close(promise: nil) }
  }

  private func receiveHead(_ head: HTTPRequestHead) {
    callCount += 1
    let call = Call(number: callCount, head: head)
    self.call = call
    var parser = RequestHeadParser(router: router, options: options)
    parser.add(name: ":method", value: head.method.rawValue)
    parser.add(name: ":path", value: head.uri)
    parser.add(name: ":scheme", value: "http")
    for (name, value) in head.headers {
      parser.add(name: name, value: value)
    }
    switch parser.classify() {
    case .rejected(let rejection):
      call.rejection = rejection
    case .accepted(let request):
      guard case .connectUnary = request.wireProtocol else {
        call.rejection = RejectedRequest(
          form: .plain, httpStatus: 505,
          error: RPCError(
            code: .unimplemented, message: "gRPC and Connect streaming need HTTP/2"))
        return
      }
      call.request = request
      call.context = ServerContext(
        method: request.handler.method, requestMetadata: request.metadata,
        deadline: request.timeout.map { ContinuousClock.now.advanced(by: $0) }, peer: peer,
        authContext: authContext)
      call.machine = ConnectUnaryStateMachine(
        maxMessageSize: options.maxReceiveMessageSize,
        decompressor: RequestDecompressor(
          algorithm: request.requestCompression, maxMessageSize: options.maxReceiveMessageSize))
      if let timeout = request.timeout {
        let handler = NIOLoopBound(self, eventLoop: executor.loop)
        let number = call.number
        call.deadline = executor.loop.scheduleTask(
          in: HTTP2ConnectionHandler.timeAmount(timeout)
        ) {
          handler.value.deadlineExpired(number)
        }
      }
      if request.isGET {
        if let action = request.getMessage.withUnsafeBytes({ call.machine?.receiveData($0) }) {
          perform(action, call: call)
        }
      }
    }
  }

  private func deadlineExpired(_ number: Int) {
    guard let call, call.number == number, let action = call.machine?.deadlineExpired() else {
      return
    }
    perform(action, call: call)
  }

  private func perform(_ action: ConnectUnaryStateMachine.Action, call: Call, response: [UInt8] = [])
  {
    guard let request = call.request, let context = call.context,
      case .connectUnary(let codec) = request.wireProtocol
    else { return }
    switch action {
    case .none, .rejectWrite:
      return
    case .invokeHandler(let message):
      guard case .unary(let body) = request.handler.body else { return }
      let handler = NIOLoopBound(self, eventLoop: executor.loop)
      let number = call.number
      let codec = request.codec
      call.task = Task(executorPreference: executor) {
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
          result = .success(try await body(message, context, codec))
        } catch {
          result = .failure(error)
        }
        if handler.eventLoop.inEventLoop {
          handler.value.handlerReturned(number, result)
        } else {
          handler.eventLoop.execute { handler.value.handlerReturned(number, result) }
        }
      }
    case .sendResponse:
      headerBlock.removeAll()
      ConnectResponseHead.writeUnaryHeaders(
        into: &headerBlock, codec: codec, headers: context.responseMetadata,
        trailers: context.trailers)
      writeResponse(body: response, call: call)
    case .sendError(let error, let clientStillSending, let cancelHandler):
      headerBlock.removeAll()
      ConnectResponseHead.writeUnaryErrorHeaders(
        into: &headerBlock, error: error, headers: context.responseMetadata,
        trailers: context.trailers)
      writeResponse(body: ConnectErrorJSON.encode(error), call: call, close: clientStillSending)
      if cancelHandler { call.task?.cancel() }
    case .resetStream(_, let cancelHandler):
      if cancelHandler { call.task?.cancel() }
      channelContext?.close(promise: nil)
    case .cancelHandler:
      call.task?.cancel()
    }
  }

  private func handlerReturned(_ number: Int, _ result: Result<[UInt8], RPCError>) {
    guard let call, call.number == number, var machine = call.machine else { return }
    let action: ConnectUnaryStateMachine.Action
    switch result {
    case .success(let response):
      action = machine.finish(error: nil)
      call.machine = machine
      perform(action, call: call, response: response)
    case .failure(let error):
      action = machine.finish(error: error)
      call.machine = machine
      perform(action, call: call)
    }
  }

  private func writeRejection(_ rejection: RejectedRequest, call: Call) {
    headerBlock.removeAll()
    rejection.writeHeaders(into: &headerBlock)
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    writeResponse(body: body, call: call)
  }

  /// Writes the header block (`:status` first) and `body` as one response.
  private func writeResponse(body: [UInt8], call: Call, close: Bool = false) {
    guard let context = channelContext, !call.responded else { return }
    call.responded = true
    call.deadline?.cancel()
    var status = 200
    var headers = HTTPHeaders()
    for (name, value) in headerBlock {
      if name == ":status" {
        status = Int(value) ?? 500
      } else {
        headers.add(name: name, value: value)
      }
    }
    headers.replaceOrAdd(name: "content-length", value: String(body.count))
    let keepAlive = call.keepAlive && !close && !closeWhenIdle
    if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
    let head = HTTPResponseHead(
      version: call.version, status: HTTPResponseStatus(statusCode: status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if !body.isEmpty {
      var buffer = context.channel.allocator.buffer(capacity: body.count)
      buffer.writeBytes(body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
    let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if self.call === call { self.call = nil }
    if !keepAlive {
      let channel = context.channel
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}
