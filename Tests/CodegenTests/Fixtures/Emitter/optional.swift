public struct Sluice_Test_Optionals: ProtoMessage {
  public static let protoMessageName = "sluice.test.Optionals"

  public var count: Int32? = nil
  public var label: String? = nil
  public var ratio: Double? = nil
  public var flag: Bool? = nil
  public var raw: [UInt8]? = nil
  public var stamp: UInt64? = nil
  public var color: Sluice_Test_Color? = nil

  public var unknownFields = UnknownFields()

  public init() {}
}

public enum Sluice_Test_Color: ProtoEnum {
  case unspecified  // COLOR_UNSPECIFIED = 0
  case red  // COLOR_RED = 1
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Color"
  public static let knownCases: [Self] = [.unspecified, .red]

  public init() { self = .unspecified }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .red
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .red: 1
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .unspecified: "COLOR_UNSPECIFIED"
    case .red: "COLOR_RED"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "COLOR_UNSPECIFIED": self = .unspecified
    case "COLOR_RED": self = .red
    default: return nil
    }
  }
}

extension Sluice_Test_Optionals {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.count { size += 1 + ProtoSize.int32(v) }
    if let v = self.label { size += 1 + ProtoSize.string(v) }
    if self.ratio != nil { size += 9 }
    if self.flag != nil { size += 2 }
    if let v = self.raw { size += 1 + ProtoSize.bytes(v) }
    if self.stamp != nil { size += 9 }
    if let v = self.color { size += 1 + ProtoSize.enumValue(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.count { writer.writeTag(8); writer.writeInt32(v) }
    if let v = self.label { writer.writeTag(18); writer.writeString(v) }
    if let v = self.ratio { writer.writeTag(25); writer.writeDouble(v) }
    if let v = self.flag { writer.writeTag(32); writer.writeBool(v) }
    if let v = self.raw { writer.writeTag(42); writer.writeBytes(v) }
    if let v = self.stamp { writer.writeTag(49); writer.writeFixed64(v) }
    if let v = self.color { writer.writeTag(56); writer.writeEnum(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: self.count = try reader.readInt32()
      case 18: self.label = try reader.readString()
      case 25: self.ratio = try reader.readDouble()
      case 32: self.flag = try reader.readBool()
      case 42: self.raw = try reader.readBytes()
      case 49: self.stamp = try reader.readFixed64()
      case 56: self.color = try reader.readEnum()
      default:
        switch tag >> 3 {
        case 1...7: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if let v = self.count { writer.writeKey("count", protoName: "count"); writer.writeInt32(v) }
    if let v = self.label { writer.writeKey("label", protoName: "label"); writer.writeString(v) }
    if let v = self.ratio { writer.writeKey("ratio", protoName: "ratio"); writer.writeDouble(v) }
    if let v = self.flag { writer.writeKey("flag", protoName: "flag"); writer.writeBool(v) }
    if let v = self.raw { writer.writeKey("raw", protoName: "raw"); writer.writeBytes(v) }
    if let v = self.stamp { writer.writeKey("stamp", protoName: "stamp"); writer.writeUInt64(v) }
    if let v = self.color { writer.writeKey("color", protoName: "color"); writer.writeEnum(v) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "count":
        if reader.consumeNull() { self.count = nil } else { self.count = try reader.readInt32() }
      case "label":
        if reader.consumeNull() { self.label = nil } else { self.label = try reader.readString() }
      case "ratio":
        if reader.consumeNull() { self.ratio = nil } else { self.ratio = try reader.readDouble() }
      case "flag":
        if reader.consumeNull() { self.flag = nil } else { self.flag = try reader.readBool() }
      case "raw":
        if reader.consumeNull() { self.raw = nil } else { self.raw = try reader.readBytes() }
      case "stamp":
        if reader.consumeNull() { self.stamp = nil } else { self.stamp = try reader.readUInt64() }
      case "color":
        if reader.consumeNull() {
          self.color = nil
        } else if let e: Sluice_Test_Color = try reader.readEnum() {
          self.color = e
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
