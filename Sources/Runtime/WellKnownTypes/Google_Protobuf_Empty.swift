/// `google.protobuf.Empty`: a message with no fields. JSON form: `{}`.
public struct Google_Protobuf_Empty: ProtoMessage {
  /// `google.protobuf.Empty`.
  public static let protoMessageName = "google.protobuf.Empty"

  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// The empty message.
  public init() {}

  /// Exact length of the binary encoding (only unknown fields).
  public func serializedSize() -> Int { unknownFields.byteCount }

  /// Writes the binary encoding (only unknown fields).
  public func encode(to writer: inout ProtoWriter) {
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, keeping every field as unknown.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      try reader.skipField(tag: tag, into: &unknownFields)
    }
  }

  /// Writes `{}`.
  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.endObject()
  }

  /// Reads an object; any key is an unknown field.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      try reader.skipUnknownField(key)
    }
  }
}
