internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Handler tasks and what the state machines ask the connection to do.
extension HTTP2ConnectionHandler {
  func perform(_ action: ServerStreamAction, on stream: HTTP2ServerStream, message: [UInt8] = []) {
    switch action {
    case .none, .rejectWrite:
      return
    case .startHandler:
      startHandler(stream, request: [])
    case .invokeHandler(let request):
      if stream.request.requestCompression != .identity, let machine = stream.streaming {
        stream.context.requestWasCompressed = machine.lastRequestWasCompressed
      }
      startHandler(stream, request: request)
    case .deliverRequest(let message):
      stream.source?.deliver(message, compressed: stream.streaming?.lastRequestWasCompressed ?? false)
    case .finishRequests:
      stream.source?.finish(error: nil)
    case .sendHeaders:
      submit(on: stream) { () throws(HTTP2EngineError) in
        negotiateResponseCompression(stream, firstMessageSize: nil)
        try sendStreamingHeaders(stream)
      }
    case .sendMessage(let sendHeadersFirst):
      submit(on: stream) { () throws(HTTP2EngineError) in
        if sendHeadersFirst {
          negotiateResponseCompression(stream, firstMessageSize: message.count)
          try sendStreamingHeaders(stream)
        }
        var framed: [UInt8] = []
        appendMessage(message, on: stream, to: &framed)
        stream.isBlocked = !(try engine.sendData(streamID: stream.id, bytes: framed, endStream: false))
      }
    case .sendTrailers(let trailers):
      submit(on: stream) { () throws(HTTP2EngineError) in
        try sendTrailers(trailers, on: stream)
        // gRPC's early server closure: the client is still sending, tell it to stop.
        if trailers.resetStreamAfter { try engine.resetWhenEnded(streamID: stream.id) }
      }
      if trailers.cancelHandler { stream.cancelHandler() }
    case .resetStream(let code, let cancelHandler):
      try? engine.resetStream(streamID: stream.id, code: code)
      if cancelHandler { stream.cancelHandler() }
    case .cancelHandler:
      stream.cancelHandler()
    }
  }

  func perform(_ action: ConnectUnaryStateMachine.Action, on stream: HTTP2ServerStream, response: [UInt8] = []) {
    guard case .connectUnary(let codec) = stream.request.wireProtocol else { return }
    switch action {
    case .none, .rejectWrite:
      return
    case .invokeHandler(let request):
      if stream.request.requestCompression != .identity {
        stream.context.requestWasCompressed = !request.isEmpty
      }
      startHandler(stream, request: request)
    case .sendResponse:
      submit(on: stream) { () throws(HTTP2EngineError) in
        let (body, compression) = encodeUnaryBody(response, on: stream)
        headerBlock.removeAll()
        ConnectResponseHead.writeUnaryHeaders(
          into: &headerBlock, codec: codec, compression: compression,
          acceptedCompression: acceptedCompression, headers: stream.context.responseMetadata,
          trailers: stream.context.trailers)
        try engine.submitResponse(streamID: stream.id, headers: http2Headers(), endStream: false)
        try engine.sendData(streamID: stream.id, bytes: body, endStream: true)
      }
    case .sendError(let error, let resetStreamAfter, let cancelHandler):
      submit(on: stream) { () throws(HTTP2EngineError) in
        headerBlock.removeAll()
        ConnectResponseHead.writeUnaryErrorHeaders(
          into: &headerBlock, error: error, acceptedCompression: acceptedCompression,
          headers: stream.context.responseMetadata, trailers: stream.context.trailers)
        try engine.submitResponse(streamID: stream.id, headers: http2Headers(), endStream: false)
        try engine.sendData(
          streamID: stream.id, bytes: ConnectErrorJSON.encode(error), endStream: true)
        if resetStreamAfter { try engine.resetWhenEnded(streamID: stream.id) }
      }
      if cancelHandler { stream.cancelHandler() }
    case .resetStream(let code, let cancelHandler):
      try? engine.resetStream(streamID: stream.id, code: code)
      if cancelHandler { stream.cancelHandler() }
    case .cancelHandler:
      stream.cancelHandler()
    }
  }

  /// Runs an engine submission; a stream the peer reset cancels its handler.
  private func submit(on stream: HTTP2ServerStream, _ body: () throws(HTTP2EngineError) -> Void) {
    do {
      try body()
    } catch {
      stream.cancelHandler()
    }
  }

  private func sendStreamingHeaders(_ stream: HTTP2ServerStream) throws(HTTP2EngineError) {
    headerBlock.removeAll()
    switch stream.request.wireProtocol {
    case .grpc(let contentType):
      GRPCResponseHead.writeHeaders(
        into: &headerBlock, contentType: contentType, compression: stream.responseCompression,
        acceptedCompression: acceptedCompression, metadata: stream.context.responseMetadata)
    case .connectStreaming(let codec), .connectUnary(let codec):
      ConnectResponseHead.writeStreamingHeaders(
        into: &headerBlock, codec: codec, compression: stream.responseCompression,
        acceptedCompression: acceptedCompression, headers: stream.context.responseMetadata)
    }
    try engine.submitResponse(streamID: stream.id, headers: http2Headers(), endStream: false)
  }

  private func sendTrailers(_ trailers: ServerStreamTrailers, on stream: HTTP2ServerStream)
    throws(HTTP2EngineError)
  {
    switch stream.request.wireProtocol {
    case .grpc(let contentType):
      switch trailers.form {
      case .trailersOnly:
        headerBlock.removeAll()
        GRPCResponseHead.writeTrailersOnly(
          into: &headerBlock, contentType: contentType, error: trailers.error,
          metadata: stream.context.trailers, acceptedCompression: acceptedCompression)
        try engine.submitResponse(streamID: stream.id, headers: http2Headers(), endStream: true)
        return
      case .headersAndTrailers:
        try sendStreamingHeaders(stream)
      case .trailers:
        break
      }
      headerBlock.removeAll()
      GRPCResponseHead.writeTrailers(
        into: &headerBlock, error: trailers.error, metadata: stream.context.trailers)
      try engine.submitTrailers(streamID: stream.id, headers: http2Headers())
    case .connectStreaming, .connectUnary:
      if trailers.form != .trailers { try sendStreamingHeaders(stream) }
      var body: [UInt8] = []
      try? ConnectEndStream(error: trailers.error, metadata: stream.context.trailers)
        .appendEnvelope(to: &body)
      try engine.sendData(streamID: stream.id, bytes: body, endStream: true)
    }
  }
}
