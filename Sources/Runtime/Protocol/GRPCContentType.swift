/// The `application/grpc` content type a gRPC request used; a response echoes it.
public enum GRPCContentType: Sendable, Hashable {
  /// `application/grpc` (protobuf).
  case grpc
  /// `application/grpc+proto`.
  case grpcProto
  /// `application/grpc+json`.
  case grpcJSON

  /// The header value.
  public var headerValue: StaticString {
    switch self {
    case .grpc: "application/grpc"
    case .grpcProto: "application/grpc+proto"
    case .grpcJSON: "application/grpc+json"
    }
  }

  /// The message encoding.
  public var codec: WireCodec { self == .grpcJSON ? .json : .proto }
}
