/// Which protocol and content type a request speaks.
public enum RPCWireProtocol: Sendable, Hashable {
  /// gRPC over HTTP/2 with this content type.
  case grpc(GRPCContentType)
  /// A Connect unary call (`application/proto` or `application/json`, or a GET).
  case connectUnary(WireCodec)
  /// A Connect streaming call (`application/connect+proto` or `+json`).
  case connectStreaming(WireCodec)
}
