/// The message encoding a content type names: `proto` (protobuf binary) or `json`
/// (proto3 JSON).
public enum WireCodec: Sendable, Hashable {
  /// Protobuf binary.
  case proto
  /// Proto3 JSON.
  case json

  /// The codec for this encoding; JSON uses `json`'s options.
  func messageCodec(json: MessageCodec) -> MessageCodec {
    switch self {
    case .proto: .protobuf
    case .json: json
    }
  }
}
