/// A wrapper well-known type (`google.protobuf.Int64Value` and friends): one field
/// `value = 1`, whose JSON form is the bare wrapped value.
///
/// Conforming types supply only the scalar's codec hooks; the message codec is shared.
public protocol ProtoWrapperMessage: ProtoMessage {
  /// The Swift type of the wrapped scalar.
  associatedtype Wrapped: Hashable & Sendable

  /// The wrapped value.
  var value: Wrapped { get set }

  /// The tag of field 1 with this scalar's wire type.
  static var valueTag: UInt32 { get }

  /// Bytes `value` takes on the wire, tag excluded.
  static func encodedSize(of value: Wrapped) -> Int

  /// Writes `value` without its tag.
  static func write(_ value: Wrapped, to writer: inout ProtoWriter)

  /// Reads one value (tag already read).
  static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Wrapped

  /// Writes `value` as its JSON scalar.
  static func writeJSON(_ value: Wrapped, to writer: inout JSONWriter)

  /// Reads the JSON scalar.
  static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Wrapped
}

extension ProtoWrapperMessage {
  /// A wrapper holding `value`.
  public init(_ value: Wrapped) {
    self.init()
    self.value = value
  }

  /// Exact length of the binary encoding (field 1 is omitted when default).
  public func serializedSize() -> Int {
    let size = value == Self().value ? 0 : 1 + Self.encodedSize(of: value)
    return size + unknownFields.byteCount
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    if value != Self().value {
      writer.writeTag(Self.valueTag)
      Self.write(value, to: &writer)
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      if tag == Self.valueTag {
        value = try Self.read(from: &reader)
      } else if tag >> 3 == 1 {
        throw .wireTypeMismatch(fieldNumber: 1)
      } else {
        try reader.skipField(tag: tag, into: &unknownFields)
      }
    }
  }

  /// Writes the bare wrapped value.
  public func encodeJSON(to writer: inout JSONWriter) {
    Self.writeJSON(value, to: &writer)
  }

  /// Reads the bare wrapped value.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    value = try Self.readJSON(from: &reader)
  }
}
