internal import SluiceRuntime
internal import SluiceTransport

// Response compression: which algorithm a call's headers name, and each message's form.
extension HTTP2ConnectionHandler {
  /// Decides, as the response headers go out, whether they name a compression
  /// (`grpc-encoding`, `connect-content-encoding`): when the client accepts an algorithm
  /// the policy uses and the handler's preference allows it. A call with a single
  /// response (`firstMessageSize` known, not server-streaming) names it only when that
  /// message will be compressed.
  func negotiateResponseCompression(_ stream: HTTP2ServerStream, firstMessageSize: Int?) {
    let negotiated = stream.request.responseCompression
    guard negotiated != .identity else { return }
    let preference = stream.context.responseCompression
    var declare = responseCompression.mayCompress(negotiated: negotiated, preference: preference)
    if declare, let size = firstMessageSize, !stream.request.kind.isServerStreaming {
      declare = responseCompression.shouldCompress(
        size: size, negotiated: negotiated, preference: preference)
    }
    stream.responseCompression = declare ? negotiated : .identity
  }

  /// Appends `message` as one gRPC message or Connect envelope: compressed (flag 1) when
  /// the headers named a compression and the policy and handler want this message
  /// compressed, as it is otherwise. An automatically compressed message that did not
  /// shrink, or whose compression failed, goes out as it is.
  func appendMessage(_ message: [UInt8], on stream: HTTP2ServerStream, to framed: inout [UInt8]) {
    let algorithm = stream.responseCompression
    if algorithm != .identity {
      let preference = stream.context.responseCompression
      if responseCompression.shouldCompress(
        size: message.count, negotiated: algorithm, preference: preference),
        let compressor = ResponseCompressorCache.current.compressor(
          for: algorithm, level: responseCompression.level)
      {
        let start = framed.count
        let compressed = message.withUnsafeBytes { raw in
          (try? MessageFramer.append(raw, compressor: compressor, to: &framed)) != nil
        }
        if compressed {
          let grew = framed.count - start - MessageFramer.prefixLength >= message.count
          guard grew && preference != .enabled else { return }
          framed.removeSubrange(start...)
        }
      }
    }
    // Only a message over the 4 GiB prefix limit fails, and no handler message gets there.
    try? MessageFramer.append(message, to: &framed)
  }

  /// A Connect unary response body and its `content-encoding`: compressed when the client
  /// accepts an algorithm the policy uses and the policy and handler want it, unless
  /// (automatically) it would not shrink.
  func encodeUnaryBody(_ response: [UInt8], on stream: HTTP2ServerStream)
    -> (body: [UInt8], compression: CompressionAlgorithm)
  {
    let algorithm = stream.request.responseCompression
    guard algorithm != .identity else { return (response, .identity) }
    let preference = stream.context.responseCompression
    guard
      responseCompression.shouldCompress(
        size: response.count, negotiated: algorithm, preference: preference),
      let compressor = ResponseCompressorCache.current.compressor(
        for: algorithm, level: responseCompression.level)
    else { return (response, .identity) }
    var body: [UInt8] = []
    let compressed = response.withUnsafeBytes { raw in
      (try? compressor.compress(raw, appendingTo: &body)) != nil
    }
    guard compressed, body.count < response.count || preference == .enabled else {
      return (response, .identity)
    }
    return (body, algorithm)
  }
}
