extension RejectedRequest {
  /// Appends the response headers (`:status` first).
  public func writeHeaders(into block: inout HeaderBlock) {
    switch form {
    case .grpc(let contentType):
      GRPCResponseHead.writeTrailersOnly(
        into: &block, httpStatus: httpStatus, contentType: contentType, error: error,
        metadata: Metadata(), acceptedCompression: acceptedCompression)
    case .connectUnary:
      ConnectResponseHead.writeUnaryErrorHeaders(
        into: &block, error: error, httpStatus: httpStatus,
        acceptedCompression: acceptedCompression, headers: Metadata(), trailers: Metadata())
    case .connectStreaming(let codec):
      ConnectResponseHead.writeStreamingHeaders(
        into: &block, codec: codec, acceptedCompression: acceptedCompression, headers: Metadata())
    case .plain:
      GRPCResponseHead.writeStatus(httpStatus, into: &block)
      block.append(name: "content-type", value: "text/plain; charset=utf-8")
      if let allow { block.append(name: "allow", value: allow) }
      block.append(name: "grpc-status") { ASCII.appendDecimal(error.code.rawValue, to: &$0) }
      block.append(name: "grpc-message") { GRPCStatusMessage.encode(error.message, into: &$0) }
    }
  }

  /// Appends the response body: nothing for gRPC, the JSON error for Connect unary, the
  /// end-stream envelope for Connect streaming, the message and a newline for plain HTTP.
  public func writeBody(into body: inout [UInt8]) {
    switch form {
    case .grpc:
      return
    case .connectUnary:
      body.append(contentsOf: ConnectErrorJSON.encode(error))
    case .connectStreaming:
      // The JSON of an error without metadata is far below the 4 GiB envelope limit.
      try? ConnectEndStream(error: error).appendEnvelope(to: &body)
    case .plain:
      body.append(contentsOf: error.message.utf8)
      body.append(UInt8(ascii: "\n"))
    }
  }
}
