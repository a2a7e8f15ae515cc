internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

// What the protocol state machines ask an HTTP/1.1 connection to do, and how responses end.
extension HTTP1ConnectHandler {
  func perform(
    _ action: ConnectUnaryStateMachine.Action, call: HTTP1Call, response: [UInt8] = []
  ) {
    guard let request = call.request, let context = call.context,
      case .connectUnary(let codec) = request.wireProtocol
    else { return }
    switch action {
    case .none, .rejectWrite:
      return
    case .invokeHandler(let message):
      if request.requestCompression != .identity { context.requestWasCompressed = !message.isEmpty }
      startHandler(call, request: message)
    case .sendResponse:
      headerBlock.removeAll()
      let body = call.encoder.encodeUnary(
        response, codec: codec, preference: context.responseCompression,
        acceptedCompression: options.acceptedCompression,
        headers: context.responseMetadata, trailers: context.trailers, into: &headerBlock)
      writer.begin(headerBlock, version: call.version)
      writer.append(body)
      finishResponse(call)
    case .sendError(let error, _, let cancelHandler):
      headerBlock.removeAll()
      ConnectResponseHead.writeUnaryErrorHeaders(
        into: &headerBlock, error: error, headers: context.responseMetadata,
        trailers: context.trailers)
      writer.begin(headerBlock, version: call.version)
      writer.append(ConnectErrorJSON.encode(error))
      if cancelHandler { call.cancelHandler() }
      finishResponse(call)
    case .resetStream(_, let cancelHandler):
      if cancelHandler { call.cancelHandler() }
      abort(call)
    case .cancelHandler:
      call.cancelHandler()
    }
  }

  func perform(_ action: ServerStreamAction, call: HTTP1Call, message: [UInt8] = []) {
    switch action {
    case .none, .rejectWrite:
      return
    case .startHandler:
      startHandler(call, request: [])
    case .invokeHandler(let request):
      if call.request?.requestCompression != .identity, let machine = call.streaming {
        call.context?.requestWasCompressed = machine.lastRequestWasCompressed
      }
      startHandler(call, request: request)
    case .deliverRequest(let message):
      call.source?.deliver(message, compressed: call.streaming?.lastRequestWasCompressed ?? false)
    case .finishRequests:
      call.source?.finish(error: nil)
    case .sendHeaders:
      beginStreamingResponse(call)
      if let context = channelContext { writer.flush(context: context) }
    case .sendMessage(let sendHeadersFirst):
      if sendHeadersFirst { beginStreamingResponse(call) }
      var envelope: [UInt8] = []
      // Only a message over the 4 GiB envelope limit fails to frame.
      try? call.encoder.appendMessage(
        message, preference: call.context?.responseCompression ?? .disabled, to: &envelope)
      writer.append(envelope)
    case .sendTrailers(let trailers):
      if trailers.form != .trailers { beginStreamingResponse(call) }
      var envelope: [UInt8] = []
      call.encoder.appendEndStream(
        error: trailers.error, trailers: call.context?.trailers ?? Metadata(), to: &envelope)
      writer.append(envelope)
      if trailers.cancelHandler { call.cancelHandler() }
      finishResponse(call)
    case .resetStream(_, let cancelHandler):
      if cancelHandler { call.cancelHandler() }
      abort(call)
    case .cancelHandler:
      call.cancelHandler()
    }
  }

  /// Begins a streaming response (held back until the first flush or the end).
  private func beginStreamingResponse(_ call: HTTP1Call) {
    guard let request = call.request, let context = call.context,
      case .connectStreaming(let codec) = request.wireProtocol
    else { return }
    headerBlock.removeAll()
    call.encoder.writeStreamingHeaders(
      codec: codec, preference: context.responseCompression,
      acceptedCompression: options.acceptedCompression, headers: context.responseMetadata,
      into: &headerBlock)
    writer.begin(headerBlock, version: call.version)
  }

  /// Answers `call` with `rejection` at once, without running a handler.
  func respond(_ rejection: RejectedRequest, to call: HTTP1Call) {
    headerBlock.removeAll()
    rejection.writeHeaders(into: &headerBlock)
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    writer.begin(headerBlock, version: call.version)
    writer.append(body)
    finishResponse(call)
  }

  /// Ends `call`'s response and decides whether the connection stays open.
  ///
  /// A response sent before the request ended keeps the connection only when the rest of
  /// the body is announced and short (it is read and dropped); otherwise, or when the
  /// client waits for `100 Continue` it never got, the connection closes (lingering, so
  /// the client still reads the response).
  func finishResponse(_ call: HTTP1Call) {
    guard let context = channelContext, writer.isOpen else { return }
    var keepAlive = call.keepAlive && !call.closeConnection && !closeWhenIdle && !writer.mustClose
    if !call.requestEnded {
      if call.expectsContinue && !call.sentContinue {
        keepAlive = false
      } else if let remaining = call.remainingBodyBytes, remaining <= Self.maxDrainedBodyBytes {
        // Keep: the rest of the body is read and dropped.
      } else {
        keepAlive = false
      }
    }
    // Before the write: it may release a pipelined request, which a closing connection drops.
    if !keepAlive { isClosing = true }
    end(call)
    let written = writer.end(context: context, keepAlive: keepAlive)
    if !keepAlive { closeConnection(after: written, linger: !call.requestEnded) }
  }

  /// Forgets `call` (its remaining body, if any, is dropped) and resumes reading.
  private func end(_ call: HTTP1Call) {
    call.deadline?.cancel()
    call.resumeWriter(RPCError(code: .cancelled, message: "the RPC ended"))
    if self.call === call { self.call = nil }
    resumeReading()
  }

  /// Aborts `call` by closing the connection: HTTP/1.1 has no stream reset.
  private func abort(_ call: HTTP1Call) {
    end(call)
    abortConnection()
  }
}
