internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime
internal import SluiceTransport

// Requests arriving, and the handler tasks that serve them.
extension HTTP1ConnectHandler {
  func receiveHead(_ head: HTTPRequestHead) {
    callCount += 1
    let call = HTTP1Call(number: callCount, head: head)
    self.call = call
    if !routes.isEmpty, serveRoute(head, call: call) { return }
    var parser = RequestHeadParser(router: router, options: options)
    parser.add(name: ":method", value: head.method.rawValue)
    parser.add(name: ":path", value: head.uri)
    parser.add(name: ":scheme", value: "http")
    for (name, value) in head.headers {
      parser.add(name: name, value: value)
    }
    switch parser.classify() {
    case .rejected(let rejection):
      respond(rejection, to: call)
    case .accepted(let request):
      if let rejection = RejectedRequest.overHTTP1(request) {
        call.closeConnection = true
        respond(rejection, to: call)
      } else {
        accept(request, call: call)
      }
    }
  }

  private func accept(_ request: RPCRequest, call: HTTP1Call) {
    call.request = request
    call.context = ServerContext(
      method: request.handler.method, requestMetadata: request.metadata,
      deadline: request.timeout.map { ContinuousClock.now.advanced(by: $0) }, peer: peer,
      authContext: authContext)
    let policy = options.responseCompression
    let algorithm = request.responseCompression
    call.encoder = ConnectResponseEncoder(
      policy: policy, algorithm: algorithm,
      compressor: algorithm == .identity
        ? nil : ResponseCompressorCache.current.compressor(for: algorithm, level: policy.level))
    if let timeout = request.timeout {
      let connection = loopBound
      let number = call.number
      call.deadline = executor.loop.scheduleTask(in: HTTP2ConnectionHandler.timeAmount(timeout)) {
        connection.value.deadlineExpired(number)
      }
    }
    let decompressor = Decompressor.forMessages(
          request.requestCompression, maxMessageSize: options.maxReceiveMessageSize)
    switch request.wireProtocol {
    case .connectUnary:
      call.unary = ConnectUnaryStateMachine(
        maxMessageSize: options.maxReceiveMessageSize, decompressor: decompressor)
      if request.isGET {
        if let action = request.getMessage.withUnsafeBytes({ call.unary?.receiveData($0) }) {
          perform(action, call: call)
        }
        return
      }
      if let length = call.contentLength, let action = call.unary?.receiveContentLength(length) {
        perform(action, call: call)
      }
    case .connectStreaming, .grpc:  // gRPC never gets here: HTTP/1.1 refuses it.
      call.streaming = ServerStreamStateMachine(
        wireProtocol: .connect, maxMessageSize: options.maxReceiveMessageSize)
      if let action = call.streaming?.receiveHeaders(kind: request.kind, decompressor: decompressor)
      {
        perform(action, call: call)
      }
    }
    sendContinueIfExpected(call)
  }

  /// Tells a client waiting with `expect: 100-continue` to send its body.
  private func sendContinueIfExpected(_ call: HTTP1Call) {
    guard call.expectsContinue, !call.sentContinue, self.call === call, !writer.isOpen,
      let context = channelContext
    else { return }
    call.sentContinue = true
    let head = HTTPResponseHead(version: call.version, status: .continue)
    context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
  }

  func receiveBody(_ body: ByteBuffer) {
    guard let call, !isClosing else { return }
    call.receivedBodyBytes += body.readableBytes
    if call.unary != nil {
      if let action = body.withUnsafeReadableBytes({ call.unary?.receiveData($0) }) {
        perform(action, call: call)
      }
      return
    }
    body.withUnsafeReadableBytes { raw in
      var input = raw
      repeat {
        guard let action = call.streaming?.receiveData(&input) else { break }
        perform(action, call: call)
      } while !input.isEmpty && self.call === call
    }
    if self.call === call, let source = call.source,
      source.shouldHoldCredit(limit: maxBufferedRequestBytes)
    {
      pauseReading()
    }
  }

  func receiveEnd() {
    guard let call else { return }
    call.requestEnded = true
    if let action = call.unary?.receiveEndOfStream() {
      perform(action, call: call)
    } else if let action = call.streaming?.receiveEndOfStream() {
      perform(action, call: call)
    }
  }

  func deadlineExpired(_ number: Int) {
    guard let call, call.number == number else { return }
    if let action = call.unary?.deadlineExpired() {
      perform(action, call: call)
    } else if let action = call.streaming?.deadlineExpired() {
      perform(action, call: call)
    }
  }

  /// The handler read its buffered requests down: read from the socket again.
  func resumeConsuming(_ number: Int) {
    guard let call, call.number == number else { return }
    resumeReading()
  }

  // MARK: Handler tasks

  /// Starts the call's handler as a task preferring this loop: it runs on the I/O thread
  /// unless it hops, and reports back here without another hand-off.
  func startHandler(_ call: HTTP1Call, request: [UInt8]) {
    guard let rpc = call.request, let context = call.context else { return }
    let connection = loopBound
    let number = call.number
    let codec = rpc.codec
    let sink = HTTP1ResponseSink(connection: connection, callNumber: number)
    let result: @Sendable (Result<[UInt8], RPCError>, Bool) -> Void = { result, hasResponse in
      if connection.eventLoop.inEventLoop {
        connection.value.handlerReturned(number, result, hasResponse: hasResponse)
      } else {
        connection.eventLoop.execute {
          connection.value.handlerReturned(number, result, hasResponse: hasResponse)
        }
      }
    }
    switch rpc.handler.body {
    case .unary(let body):
      call.task = Task(executorPreference: executor) {
        do throws(RPCError) {
          result(.success(try await body(request, context, codec)), true)
        } catch {
          result(.failure(error), true)
        }
      }
    case .serverStreaming(let body):
      call.task = Task(executorPreference: executor) {
        do throws(RPCError) {
          try await body(request, sink, context, codec)
          result(.success([]), false)
        } catch {
          result(.failure(error), false)
        }
      }
    case .clientStreaming(let body):
      let source = makeSource(call)
      call.task = Task(executorPreference: executor) {
        do throws(RPCError) {
          result(.success(try await body(source, context, codec)), true)
        } catch {
          result(.failure(error), true)
        }
      }
    case .bidirectionalStreaming(let body):
      let source = makeSource(call)
      call.task = Task(executorPreference: executor) {
        do throws(RPCError) {
          try await body(source, sink, context, codec)
          result(.success([]), false)
        } catch {
          result(.failure(error), false)
        }
      }
    }
  }

  /// The request stream of a client-streaming call: its handler reading the buffer down
  /// resumes reading from the socket.
  private func makeSource(_ call: HTTP1Call) -> StreamRequestSource {
    let connection = loopBound
    let number = call.number
    let source = StreamRequestSource(
      lowWaterMark: maxBufferedRequestBytes / 2,
      context: call.request?.requestCompression != .identity ? call.context : nil
    ) {
      connection.eventLoop.execute { connection.value.resumeConsuming(number) }
    }
    call.source = source
    return source
  }

  /// The handler returned: its response (when the kind has one) and status go out.
  func handlerReturned(_ number: Int, _ result: Result<[UInt8], RPCError>, hasResponse: Bool) {
    guard let call, call.number == number else { return }
    call.source?.finish(error: nil)
    if call.unary != nil {
      switch result {
      case .success(let response):
        if let action = call.unary?.finish(error: nil) {
          perform(action, call: call, response: response)
        }
      case .failure(let error):
        if let action = call.unary?.finish(error: error) { perform(action, call: call) }
      }
      return
    }
    switch result {
    case .success(let response):
      if hasResponse, let action = call.streaming?.sendMessage() {
        perform(action, call: call, message: response)
      }
      if let action = call.streaming?.finish(error: nil) { perform(action, call: call) }
    case .failure(let error):
      if let action = call.streaming?.finish(error: error) { perform(action, call: call) }
    }
  }

  /// A streaming handler writes a response message.
  func handlerWrite(callNumber: Int, message: [UInt8]) -> WriteOutcome {
    guard let call, call.number == callNumber, call.streaming != nil,
      let context = channelContext
    else {
      return .failed(RPCError(code: .cancelled, message: "the RPC was cancelled"))
    }
    guard let action = call.streaming?.sendMessage(), case .sendMessage = action else {
      return .failed(RPCError(code: .cancelled, message: "the RPC ended"))
    }
    perform(action, call: call, message: message)
    guard self.call === call else {
      return .failed(RPCError(code: .cancelled, message: "the RPC was cancelled"))
    }
    writer.flush(context: context)
    return context.channel.isWritable ? .written : .blocked
  }

  /// Parks a handler write until the channel is writable again (or the call ends).
  func awaitWritable(callNumber: Int, _ continuation: CheckedContinuation<RPCError?, Never>) {
    guard let call, call.number == callNumber, let context = channelContext else {
      continuation.resume(returning: RPCError(code: .cancelled, message: "the RPC was cancelled"))
      return
    }
    guard !context.channel.isWritable else {
      continuation.resume(returning: nil)
      return
    }
    call.writableWaiter = continuation
  }
}
