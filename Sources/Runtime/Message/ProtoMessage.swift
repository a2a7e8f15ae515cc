/// A protobuf message: a generated struct (or a well-known type) that knows its own
/// binary and proto3 JSON encodings.
///
/// Generated code implements every requirement except `acceptsJSONNull`; the
/// conveniences for whole buffers (`serializedBytes()`, `init(serializedBytes:)`,
/// `jsonUTF8()`, ...) live in extensions.
public protocol ProtoMessage: Sendable, Hashable {
  /// Creates a message with every field at its default value.
  init()

  /// The fully qualified protobuf name, such as `sluice.v1.Event`.
  static var protoMessageName: String { get }

  /// Fields read from the wire whose numbers this message does not know, kept verbatim.
  var unknownFields: UnknownFields { get set }

  /// Exact length of the binary encoding.
  func serializedSize() -> Int

  /// Writes the binary encoding; the writer has room for `serializedSize()` bytes.
  func encode(to writer: inout ProtoWriter)

  /// Reads fields until the reader is at its end, merging into `self`.
  mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError)

  /// Writes the canonical proto3 JSON value (an object for ordinary messages).
  func encodeJSON(to writer: inout JSONWriter)

  /// Reads one JSON value, merging into `self`.
  mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError)

  /// True for the one type (`google.protobuf.Value`) whose JSON `null` is a value,
  /// not "field unset". Default `false`.
  static var acceptsJSONNull: Bool { get }
}

extension ProtoMessage {
  /// Ordinary messages treat JSON `null` as "field unset".
  @inlinable
  public static var acceptsJSONNull: Bool { false }
}
