extension RejectedRequest {
  /// The answer to an accepted request that HTTP/1.1 cannot carry, or nil when it can be
  /// served over HTTP/1.1.
  ///
  /// - gRPC needs HTTP/2 (trailers, full duplex): `505 HTTP Version Not Supported`, a plain
  ///   text body and `grpc-status: UNIMPLEMENTED` for gRPC clients behind proxies.
  /// - Connect bidirectional streaming needs HTTP/2 (the protocol says so; HTTP/1.1 cannot
  ///   interleave a request and its response): `505` with the Connect error
  ///   `unimplemented` as JSON, as connect-go answers. Client and server streaming and
  ///   unary calls work over HTTP/1.1.
  ///
  /// Servers close the connection after sending it: a client expecting full duplex may
  /// otherwise wait forever for a response to its still-open request.
  public static func overHTTP1(_ request: RPCRequest) -> RejectedRequest? {
    switch request.wireProtocol {
    case .grpc:
      return RejectedRequest(
        form: .plain, httpStatus: 505,
        error: RPCError(code: .unimplemented, message: "gRPC requires HTTP/2"))
    case .connectStreaming where request.kind == .bidirectionalStreaming:
      return RejectedRequest(
        form: .connectUnary, httpStatus: 505,
        error: RPCError(
          code: .unimplemented,
          message: "\(request.handler.method.path) is bidirectional: bidi streams require at least HTTP/2"))
    case .connectStreaming, .connectUnary:
      return nil
    }
  }
}
