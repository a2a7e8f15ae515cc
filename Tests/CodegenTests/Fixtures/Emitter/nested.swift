public struct Sluice_Test_Outer: ProtoMessage {
  public static let protoMessageName = "sluice.test.Outer"

  public var middle: Sluice_Test_Outer.Middle? = nil
  public var inner: Sluice_Test_Outer.Middle.Inner? = nil
  public var level: Sluice_Test_Outer.Middle.Inner.Level = .low
  public var name: String = ""
  public var reserved: Sluice_Test_Outer.StringMessage? = nil
  public var type: Sluice_Test_Outer.TypeEnum = .none

  public var unknownFields = UnknownFields()

  public init() {}

  public struct Middle: ProtoMessage {
    public static let protoMessageName = "sluice.test.Outer.Middle"

    public var inner: Sluice_Test_Outer.Middle.Inner? = nil

    public var unknownFields = UnknownFields()

    public init() {}

    public struct Inner: ProtoMessage {
      public static let protoMessageName = "sluice.test.Outer.Middle.Inner"

      public var level: Sluice_Test_Outer.Middle.Inner.Level = .low

      public var unknownFields = UnknownFields()

      public init() {}

      public enum Level: ProtoEnum {
        case low  // LEVEL_LOW = 0
        case high  // LEVEL_HIGH = 1
        /// A number the schema does not name (proto3 enums are open).
        case unrecognized(Int32)

        public static let protoEnumName = "sluice.test.Outer.Middle.Inner.Level"
        public static let knownCases: [Self] = [.low, .high]

        public init() { self = .low }

        public init(rawValue: Int32) {
          switch rawValue {
          case 0: self = .low
          case 1: self = .high
          default: self = .unrecognized(rawValue)
          }
        }

        public var rawValue: Int32 {
          switch self {
          case .low: 0
          case .high: 1
          case .unrecognized(let number): number
          }
        }

        public var protoName: String? {
          switch self {
          case .low: "LEVEL_LOW"
          case .high: "LEVEL_HIGH"
          case .unrecognized: nil
          }
        }

        public init?(protoName: String) {
          switch protoName {
          case "LEVEL_LOW": self = .low
          case "LEVEL_HIGH": self = .high
          default: return nil
          }
        }
      }
    }
  }

  public struct StringMessage: ProtoMessage {
    public static let protoMessageName = "sluice.test.Outer.String"

    public var text: String = ""

    public var unknownFields = UnknownFields()

    public init() {}
  }

  public enum TypeEnum: ProtoEnum {
    case none  // TYPE_NONE = 0
    /// A number the schema does not name (proto3 enums are open).
    case unrecognized(Int32)

    public static let protoEnumName = "sluice.test.Outer.Type"
    public static let knownCases: [Self] = [.none]

    public init() { self = .none }

    public init(rawValue: Int32) {
      switch rawValue {
      case 0: self = .none
      default: self = .unrecognized(rawValue)
      }
    }

    public var rawValue: Int32 {
      switch self {
      case .none: 0
      case .unrecognized(let number): number
      }
    }

    public var protoName: String? {
      switch self {
      case .none: "TYPE_NONE"
      case .unrecognized: nil
      }
    }

    public init?(protoName: String) {
      switch protoName {
      case "TYPE_NONE": self = .none
      default: return nil
      }
    }
  }
}

extension Sluice_Test_Outer {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.middle { size += 1 + ProtoSize.message(v) }
    if let v = self.inner { size += 1 + ProtoSize.message(v) }
    if self.level.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.level) }
    if !self.name.isEmpty { size += 1 + ProtoSize.string(self.name) }
    if let v = self.reserved { size += 1 + ProtoSize.message(v) }
    if self.type.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.type) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.middle { writer.writeTag(10); writer.writeMessage(v) }
    if let v = self.inner { writer.writeTag(18); writer.writeMessage(v) }
    if self.level.rawValue != 0 { writer.writeTag(24); writer.writeEnum(self.level) }
    if !self.name.isEmpty { writer.writeTag(34); writer.writeString(self.name) }
    if let v = self.reserved { writer.writeTag(42); writer.writeMessage(v) }
    if self.type.rawValue != 0 { writer.writeTag(48); writer.writeEnum(self.type) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.middle == nil { self.middle = Sluice_Test_Outer.Middle() }
        try reader.readMessage(into: &self.middle!)
      case 18:
        if self.inner == nil { self.inner = Sluice_Test_Outer.Middle.Inner() }
        try reader.readMessage(into: &self.inner!)
      case 24: self.level = try reader.readEnum()
      case 34: self.name = try reader.readString()
      case 42:
        if self.reserved == nil { self.reserved = Sluice_Test_Outer.StringMessage() }
        try reader.readMessage(into: &self.reserved!)
      case 48: self.type = try reader.readEnum()
      default:
        switch tag >> 3 {
        case 1...6: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if let v = self.middle {
      writer.writeKey("middle", protoName: "middle")
      v.encodeJSON(to: &writer)
    }
    if let v = self.inner {
      writer.writeKey("inner", protoName: "inner")
      v.encodeJSON(to: &writer)
    }
    if self.level.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("level", protoName: "level")
      writer.writeEnum(self.level)
    }
    if !self.name.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("name", protoName: "name")
      writer.writeString(self.name)
    }
    if let v = self.reserved {
      writer.writeKey("reserved", protoName: "reserved")
      v.encodeJSON(to: &writer)
    }
    if self.type.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("type", protoName: "type")
      writer.writeEnum(self.type)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "middle":
        if reader.consumeNull() {
          self.middle = nil
        } else {
          if self.middle == nil { self.middle = Sluice_Test_Outer.Middle() }
          try reader.readMessage(into: &self.middle!)
        }
      case "inner":
        if reader.consumeNull() {
          self.inner = nil
        } else {
          if self.inner == nil { self.inner = Sluice_Test_Outer.Middle.Inner() }
          try reader.readMessage(into: &self.inner!)
        }
      case "level":
        if reader.consumeNull() {
          self.level = .low
        } else if let e: Sluice_Test_Outer.Middle.Inner.Level = try reader.readEnum() {
          self.level = e
        }
      case "name":
        if reader.consumeNull() { self.name = "" } else { self.name = try reader.readString() }
      case "reserved":
        if reader.consumeNull() {
          self.reserved = nil
        } else {
          if self.reserved == nil { self.reserved = Sluice_Test_Outer.StringMessage() }
          try reader.readMessage(into: &self.reserved!)
        }
      case "type":
        if reader.consumeNull() {
          self.type = .none
        } else if let e: Sluice_Test_Outer.TypeEnum = try reader.readEnum() {
          self.type = e
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Outer.Middle {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.inner { size += 1 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.inner { writer.writeTag(10); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.inner == nil { self.inner = Sluice_Test_Outer.Middle.Inner() }
        try reader.readMessage(into: &self.inner!)
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
    if let v = self.inner {
      writer.writeKey("inner", protoName: "inner")
      v.encodeJSON(to: &writer)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "inner":
        if reader.consumeNull() {
          self.inner = nil
        } else {
          if self.inner == nil { self.inner = Sluice_Test_Outer.Middle.Inner() }
          try reader.readMessage(into: &self.inner!)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Outer.Middle.Inner {
  public func serializedSize() -> Int {
    var size = 0
    if self.level.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.level) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if self.level.rawValue != 0 { writer.writeTag(8); writer.writeEnum(self.level) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: self.level = try reader.readEnum()
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
    if self.level.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("level", protoName: "level")
      writer.writeEnum(self.level)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "level":
        if reader.consumeNull() {
          self.level = .low
        } else if let e: Sluice_Test_Outer.Middle.Inner.Level = try reader.readEnum() {
          self.level = e
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Outer.StringMessage {
  public func serializedSize() -> Int {
    var size = 0
    if !self.text.isEmpty { size += 1 + ProtoSize.string(self.text) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.text.isEmpty { writer.writeTag(10); writer.writeString(self.text) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self.text = try reader.readString()
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
    if !self.text.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("text", protoName: "text")
      writer.writeString(self.text)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "text":
        if reader.consumeNull() { self.text = "" } else { self.text = try reader.readString() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
