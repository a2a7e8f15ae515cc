/// `google.protobuf.Value`: one dynamically typed JSON value. JSON form: the value
/// itself, `null` included.
public struct Google_Protobuf_Value: ProtoMessage {
  /// `google.protobuf.Value`.
  public static let protoMessageName = "google.protobuf.Value"

  /// The kind of value held; nil (unset) encodes as JSON `null`.
  public var kind: OneOf_Kind? = nil
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// The oneof `kind`.
  public enum OneOf_Kind: Hashable, Sendable {
    /// JSON `null`.
    case nullValue(Google_Protobuf_NullValue)
    /// A JSON number (must be finite to have a JSON form).
    case numberValue(Double)
    /// A JSON string.
    case stringValue(String)
    /// A JSON boolean.
    case boolValue(Bool)
    /// A JSON object.
    case structValue(Google_Protobuf_Struct)
    /// A JSON array.
    case listValue(Google_Protobuf_ListValue)
  }

  /// An unset value.
  public init() {}

  /// A value of the given kind.
  public init(kind: OneOf_Kind?) { self.kind = kind }

  /// JSON `null` is a `Value`, not an absent field.
  public static var acceptsJSONNull: Bool { true }

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = unknownFields.byteCount
    switch kind {
    case .nullValue(let v): size += 1 + ProtoSize.enumValue(v)
    case .numberValue: size += 1 + 8
    case .stringValue(let v): size += 1 + ProtoSize.string(v)
    case .boolValue: size += 1 + 1
    case .structValue(let v): size += 1 + ProtoSize.message(v)
    case .listValue(let v): size += 1 + ProtoSize.message(v)
    case nil: break
    }
    return size
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    switch kind {
    case .nullValue(let v):
      writer.writeTag(8)
      writer.writeEnum(v)
    case .numberValue(let v):
      writer.writeTag(17)
      writer.writeDouble(v)
    case .stringValue(let v):
      writer.writeTag(26)
      writer.writeString(v)
    case .boolValue(let v):
      writer.writeTag(32)
      writer.writeBool(v)
    case .structValue(let v):
      writer.writeTag(42)
      writer.writeMessage(v)
    case .listValue(let v):
      writer.writeTag(50)
      writer.writeMessage(v)
    case nil:
      break
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: kind = .nullValue(try reader.readEnum())
      case 17: kind = .numberValue(try reader.readDouble())
      case 26: kind = .stringValue(try reader.readString())
      case 32: kind = .boolValue(try reader.readBool())
      case 42:
        var m = Google_Protobuf_Struct()
        if case .structValue(let existing) = kind { m = existing }
        try reader.readMessage(into: &m)
        kind = .structValue(m)
      case 50:
        var m = Google_Protobuf_ListValue()
        if case .listValue(let existing) = kind { m = existing }
        try reader.readMessage(into: &m)
        kind = .listValue(m)
      default:
        switch tag >> 3 {
        case 1, 2, 3, 4, 5, 6: throw .wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  /// Writes the JSON value; a NaN or infinite number has no JSON form and fails.
  public func encodeJSON(to writer: inout JSONWriter) {
    switch kind {
    case .nullValue, nil: writer.writeNull()
    case .numberValue(let v):
      guard v.isFinite else { return writer.fail(.nonFiniteValue) }
      writer.writeDouble(v)
    case .stringValue(let v): writer.writeString(v)
    case .boolValue(let v): writer.writeBool(v)
    case .structValue(let v): v.encodeJSON(to: &writer)
    case .listValue(let v): v.encodeJSON(to: &writer)
    }
  }

  /// Reads any JSON value.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    switch try reader.peek() {
    case UInt8(ascii: "n"):
      guard reader.consumeNull() else { throw .unexpectedCharacter(offset: reader.offset) }
      kind = .nullValue(.nullValue)
    case UInt8(ascii: "\""):
      kind = .stringValue(try reader.readString())
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      kind = .boolValue(try reader.readBool())
    case UInt8(ascii: "{"):
      var m = Google_Protobuf_Struct()
      try reader.readMessage(into: &m)
      kind = .structValue(m)
    case UInt8(ascii: "["):
      var m = Google_Protobuf_ListValue()
      try reader.readMessage(into: &m)
      kind = .listValue(m)
    default:
      kind = .numberValue(try reader.readDouble())
    }
  }
}
