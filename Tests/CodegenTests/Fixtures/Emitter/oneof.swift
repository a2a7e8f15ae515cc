public struct Sluice_Test_Item: ProtoMessage {
  public static let protoMessageName = "sluice.test.Item"

  public var name: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
}

public struct Sluice_Test_Oneofs: ProtoMessage {
  public static let protoMessageName = "sluice.test.Oneofs"

  public var name: String = ""
  public var value: OneOf_Value? = nil
  public var splitChoice: OneOf_SplitChoice? = nil
  public var middle: Int32 = 0

  public var unknownFields = UnknownFields()

  public init() {}

  public enum OneOf_Value: Hashable, Sendable {
    case number(Int32)
    case text(String)
    case color(Sluice_Test_Color)
    case item(Sluice_Test_Item)
    case raw([UInt8])
    case ratio(Float)
  }

  public enum OneOf_SplitChoice: Hashable, Sendable {
    case first(Bool)
    case last(Int32)
  }
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

extension Sluice_Test_Item {
  public func serializedSize() -> Int {
    var size = 0
    if !self.name.isEmpty { size += 1 + ProtoSize.string(self.name) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.name.isEmpty { writer.writeTag(10); writer.writeString(self.name) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self.name = try reader.readString()
      default:
        switch tag >> 3 {
        case 1: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !self.name.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("name", protoName: "name")
      writer.writeString(self.name)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "name":
        if reader.consumeNull() { self.name = "" } else { self.name = try reader.readString() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Oneofs {
  public func serializedSize() -> Int {
    var size = 0
    if !self.name.isEmpty { size += 1 + ProtoSize.string(self.name) }
    switch self.value {
    case .number(let v)?: size += 1 + ProtoSize.int32(v)
    case .text(let v)?: size += 1 + ProtoSize.string(v)
    case .color(let v)?: size += 1 + ProtoSize.enumValue(v)
    case .item(let v)?: size += 1 + ProtoSize.message(v)
    case .raw(let v)?: size += 1 + ProtoSize.bytes(v)
    case .ratio?: size += 5
    case nil: break
    }
    switch self.splitChoice {
    case .first?: size += 2
    case .last(let v)?: size += 1 + ProtoSize.sint32(v)
    case nil: break
    }
    if self.middle != 0 { size += 1 + ProtoSize.int32(self.middle) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.name.isEmpty { writer.writeTag(10); writer.writeString(self.name) }
    switch self.value {
    case .number(let v)?: writer.writeTag(16); writer.writeInt32(v)
    case .text(let v)?: writer.writeTag(26); writer.writeString(v)
    case .color(let v)?: writer.writeTag(32); writer.writeEnum(v)
    case .item(let v)?: writer.writeTag(42); writer.writeMessage(v)
    case .raw(let v)?: writer.writeTag(50); writer.writeBytes(v)
    case .ratio(let v)?: writer.writeTag(61); writer.writeFloat(v)
    case nil: break
    }
    if case .first(let v)? = self.splitChoice { writer.writeTag(64); writer.writeBool(v) }
    if self.middle != 0 { writer.writeTag(72); writer.writeInt32(self.middle) }
    if case .last(let v)? = self.splitChoice { writer.writeTag(80); writer.writeSInt32(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self.name = try reader.readString()
      case 16: self.value = .number(try reader.readInt32())
      case 26: self.value = .text(try reader.readString())
      case 32: self.value = .color(try reader.readEnum())
      case 42:
        var m = Sluice_Test_Item()
        if case .item(let existing)? = self.value { m = existing; self.value = nil }
        try reader.readMessage(into: &m)
        self.value = .item(m)
      case 50: self.value = .raw(try reader.readBytes())
      case 61: self.value = .ratio(try reader.readFloat())
      case 64: self.splitChoice = .first(try reader.readBool())
      case 72: self.middle = try reader.readInt32()
      case 80: self.splitChoice = .last(try reader.readSInt32())
      default:
        switch tag >> 3 {
        case 1...10: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !self.name.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("name", protoName: "name")
      writer.writeString(self.name)
    }
    switch self.value {
    case .number(let v)?: writer.writeKey("number", protoName: "number"); writer.writeInt32(v)
    case .text(let v)?: writer.writeKey("text", protoName: "text"); writer.writeString(v)
    case .color(let v)?: writer.writeKey("color", protoName: "color"); writer.writeEnum(v)
    case .item(let v)?: writer.writeKey("item", protoName: "item"); v.encodeJSON(to: &writer)
    case .raw(let v)?: writer.writeKey("raw", protoName: "raw"); writer.writeBytes(v)
    case .ratio(let v)?: writer.writeKey("ratio", protoName: "ratio"); writer.writeFloat(v)
    case nil: break
    }
    if case .first(let v)? = self.splitChoice {
      writer.writeKey("first", protoName: "first")
      writer.writeBool(v)
    }
    if self.middle != 0 || writer.options.emitDefaultValues {
      writer.writeKey("middle", protoName: "middle")
      writer.writeInt32(self.middle)
    }
    if case .last(let v)? = self.splitChoice {
      writer.writeKey("last", protoName: "last")
      writer.writeInt32(v)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var valueSeen = false
    var splitChoiceSeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "name":
        if reader.consumeNull() { self.name = "" } else { self.name = try reader.readString() }
      case "number":
        if !reader.consumeNull() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          self.value = .number(try reader.readInt32())
        }
      case "text":
        if !reader.consumeNull() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          self.value = .text(try reader.readString())
        }
      case "color":
        if !reader.consumeNull(), let e: Sluice_Test_Color = try reader.readEnum() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          self.value = .color(e)
        }
      case "item":
        if !reader.consumeNull() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          var m = Sluice_Test_Item()
          if case .item(let existing)? = self.value { m = existing; self.value = nil }
          try reader.readMessage(into: &m)
          self.value = .item(m)
        }
      case "raw":
        if !reader.consumeNull() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          self.value = .raw(try reader.readBytes())
        }
      case "ratio":
        if !reader.consumeNull() {
          if valueSeen { throw JSONDecodingError.duplicateField(key) }
          valueSeen = true
          self.value = .ratio(try reader.readFloat())
        }
      case "first":
        if !reader.consumeNull() {
          if splitChoiceSeen { throw JSONDecodingError.duplicateField(key) }
          splitChoiceSeen = true
          self.splitChoice = .first(try reader.readBool())
        }
      case "middle":
        if reader.consumeNull() { self.middle = 0 } else { self.middle = try reader.readInt32() }
      case "last":
        if !reader.consumeNull() {
          if splitChoiceSeen { throw JSONDecodingError.duplicateField(key) }
          splitChoiceSeen = true
          self.splitChoice = .last(try reader.readInt32())
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
