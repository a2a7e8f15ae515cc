/// `google.protobuf.Struct`: a JSON object of dynamically typed values. JSON form: the
/// object itself.
public struct Google_Protobuf_Struct: ProtoMessage {
  /// `google.protobuf.Struct`.
  public static let protoMessageName = "google.protobuf.Struct"

  /// The object's members.
  public var fields: [String: Google_Protobuf_Value] = [:]
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// An empty object.
  public init() {}

  /// An object with `fields`.
  public init(fields: [String: Google_Protobuf_Value]) { self.fields = fields }

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = 0
    for (k, v) in fields {
      let n = 1 + ProtoSize.string(k) + 1 + ProtoSize.message(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    return size + unknownFields.byteCount
  }

  /// Writes the binary encoding (one map entry per member).
  public func encode(to writer: inout ProtoWriter) {
    for (k, v) in fields {
      writer.writeTag(10)
      writer.writeVarint(UInt64(1 + ProtoSize.string(k) + 1 + ProtoSize.message(v)))
      writer.writeTag(10)
      writer.writeString(k)
      writer.writeTag(18)
      writer.writeMessage(v)
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        var entry = try reader.beginNested()
        var key = ""
        var value = Google_Protobuf_Value()
        while let t = try entry.readTag() {
          switch t {
          case 10: key = try entry.readString()
          case 18: try entry.readMessage(into: &value)
          default: try entry.skipField(tag: t)
          }
        }
        fields[key] = value
      default:
        if tag >> 3 == 1 { throw .wireTypeMismatch(fieldNumber: 1) }
        try reader.skipField(tag: tag, into: &unknownFields)
      }
    }
  }

  /// Writes the JSON object.
  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    for (k, v) in fields {
      writer.writeMapKey(k)
      v.encodeJSON(to: &writer)
    }
    writer.endObject()
  }

  /// Reads any JSON object.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      var value = Google_Protobuf_Value()
      try reader.readMessage(into: &value)
      fields[key] = value
    }
  }
}
