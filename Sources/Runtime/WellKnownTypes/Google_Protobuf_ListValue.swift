/// `google.protobuf.ListValue`: a JSON array of dynamically typed values. JSON form:
/// the array itself.
public struct Google_Protobuf_ListValue: ProtoMessage {
  /// `google.protobuf.ListValue`.
  public static let protoMessageName = "google.protobuf.ListValue"

  /// The array's elements.
  public var values: [Google_Protobuf_Value] = []
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// An empty array.
  public init() {}

  /// An array of `values`.
  public init(values: [Google_Protobuf_Value]) { self.values = values }

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = 0
    for v in values { size += 1 + ProtoSize.message(v) }
    return size + unknownFields.byteCount
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    for v in values {
      writer.writeTag(10)
      writer.writeMessage(v)
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        var value = Google_Protobuf_Value()
        try reader.readMessage(into: &value)
        values.append(value)
      default:
        if tag >> 3 == 1 { throw .wireTypeMismatch(fieldNumber: 1) }
        try reader.skipField(tag: tag, into: &unknownFields)
      }
    }
  }

  /// Writes the JSON array.
  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginArray()
    for v in values { v.encodeJSON(to: &writer) }
    writer.endArray()
  }

  /// Reads any JSON array (replacing the current elements).
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginArray()
    values = []
    while try reader.nextArrayElement() {
      var value = Google_Protobuf_Value()
      try reader.readMessage(into: &value)
      values.append(value)
    }
  }
}
