public struct Sluice_Test_Scalars: ProtoMessage {
  public static let protoMessageName = "sluice.test.Scalars"

  public var doubleValue: Double = 0
  public var floatValue: Float = 0
  public var int32Value: Int32 = 0
  public var int64Value: Int64 = 0
  public var uint32Value: UInt32 = 0
  public var uint64Value: UInt64 = 0
  public var sint32Value: Int32 = 0
  public var sint64Value: Int64 = 0
  public var fixed32Value: UInt32 = 0
  public var fixed64Value: UInt64 = 0
  public var sfixed32Value: Int32 = 0
  public var sfixed64Value: Int64 = 0
  public var boolValue: Bool = false
  public var stringValue: String = ""
  public var bytesValue: [UInt8] = []
  public var twoByteTag: Int32 = 0
  public var maxNumber: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
}

extension Sluice_Test_Scalars {
  public func serializedSize() -> Int {
    var size = 0
    if self.doubleValue.bitPattern != 0 { size += 9 }
    if self.floatValue.bitPattern != 0 { size += 5 }
    if self.int32Value != 0 { size += 1 + ProtoSize.int32(self.int32Value) }
    if self.int64Value != 0 { size += 1 + ProtoSize.int64(self.int64Value) }
    if self.uint32Value != 0 { size += 1 + ProtoSize.uint32(self.uint32Value) }
    if self.uint64Value != 0 { size += 1 + ProtoSize.uint64(self.uint64Value) }
    if self.sint32Value != 0 { size += 1 + ProtoSize.sint32(self.sint32Value) }
    if self.sint64Value != 0 { size += 1 + ProtoSize.sint64(self.sint64Value) }
    if self.fixed32Value != 0 { size += 5 }
    if self.fixed64Value != 0 { size += 9 }
    if self.sfixed32Value != 0 { size += 5 }
    if self.sfixed64Value != 0 { size += 9 }
    if self.boolValue { size += 2 }
    if !self.stringValue.isEmpty { size += 1 + ProtoSize.string(self.stringValue) }
    if !self.bytesValue.isEmpty { size += 1 + ProtoSize.bytes(self.bytesValue) }
    if self.twoByteTag != 0 { size += 2 + ProtoSize.int32(self.twoByteTag) }
    if !self.maxNumber.isEmpty { size += 5 + ProtoSize.string(self.maxNumber) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if self.doubleValue.bitPattern != 0 { writer.writeTag(9); writer.writeDouble(self.doubleValue) }
    if self.floatValue.bitPattern != 0 { writer.writeTag(21); writer.writeFloat(self.floatValue) }
    if self.int32Value != 0 { writer.writeTag(24); writer.writeInt32(self.int32Value) }
    if self.int64Value != 0 { writer.writeTag(32); writer.writeInt64(self.int64Value) }
    if self.uint32Value != 0 { writer.writeTag(40); writer.writeUInt32(self.uint32Value) }
    if self.uint64Value != 0 { writer.writeTag(48); writer.writeUInt64(self.uint64Value) }
    if self.sint32Value != 0 { writer.writeTag(56); writer.writeSInt32(self.sint32Value) }
    if self.sint64Value != 0 { writer.writeTag(64); writer.writeSInt64(self.sint64Value) }
    if self.fixed32Value != 0 { writer.writeTag(77); writer.writeFixed32(self.fixed32Value) }
    if self.fixed64Value != 0 { writer.writeTag(81); writer.writeFixed64(self.fixed64Value) }
    if self.sfixed32Value != 0 { writer.writeTag(93); writer.writeSFixed32(self.sfixed32Value) }
    if self.sfixed64Value != 0 { writer.writeTag(97); writer.writeSFixed64(self.sfixed64Value) }
    if self.boolValue { writer.writeTag(104); writer.writeBool(self.boolValue) }
    if !self.stringValue.isEmpty { writer.writeTag(114); writer.writeString(self.stringValue) }
    if !self.bytesValue.isEmpty { writer.writeTag(122); writer.writeBytes(self.bytesValue) }
    if self.twoByteTag != 0 { writer.writeTag(128); writer.writeInt32(self.twoByteTag) }
    if !self.maxNumber.isEmpty { writer.writeTag(4294967290); writer.writeString(self.maxNumber) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 9: self.doubleValue = try reader.readDouble()
      case 21: self.floatValue = try reader.readFloat()
      case 24: self.int32Value = try reader.readInt32()
      case 32: self.int64Value = try reader.readInt64()
      case 40: self.uint32Value = try reader.readUInt32()
      case 48: self.uint64Value = try reader.readUInt64()
      case 56: self.sint32Value = try reader.readSInt32()
      case 64: self.sint64Value = try reader.readSInt64()
      case 77: self.fixed32Value = try reader.readFixed32()
      case 81: self.fixed64Value = try reader.readFixed64()
      case 93: self.sfixed32Value = try reader.readSFixed32()
      case 97: self.sfixed64Value = try reader.readSFixed64()
      case 104: self.boolValue = try reader.readBool()
      case 114: self.stringValue = try reader.readString()
      case 122: self.bytesValue = try reader.readBytes()
      case 128: self.twoByteTag = try reader.readInt32()
      case 4294967290: self.maxNumber = try reader.readString()
      default:
        switch tag >> 3 {
        case 1...16, 536870911: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if self.doubleValue.bitPattern != 0 || writer.options.emitDefaultValues {
      writer.writeKey("doubleValue", protoName: "double_value")
      writer.writeDouble(self.doubleValue)
    }
    if self.floatValue.bitPattern != 0 || writer.options.emitDefaultValues {
      writer.writeKey("floatValue", protoName: "float_value")
      writer.writeFloat(self.floatValue)
    }
    if self.int32Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("int32Value", protoName: "int32_value")
      writer.writeInt32(self.int32Value)
    }
    if self.int64Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("int64Value", protoName: "int64_value")
      writer.writeInt64(self.int64Value)
    }
    if self.uint32Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("uint32Value", protoName: "uint32_value")
      writer.writeUInt32(self.uint32Value)
    }
    if self.uint64Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("uint64Value", protoName: "uint64_value")
      writer.writeUInt64(self.uint64Value)
    }
    if self.sint32Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("sint32Value", protoName: "sint32_value")
      writer.writeInt32(self.sint32Value)
    }
    if self.sint64Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("sint64Value", protoName: "sint64_value")
      writer.writeInt64(self.sint64Value)
    }
    if self.fixed32Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("fixed32Value", protoName: "fixed32_value")
      writer.writeUInt32(self.fixed32Value)
    }
    if self.fixed64Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("fixed64Value", protoName: "fixed64_value")
      writer.writeUInt64(self.fixed64Value)
    }
    if self.sfixed32Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("sfixed32Value", protoName: "sfixed32_value")
      writer.writeInt32(self.sfixed32Value)
    }
    if self.sfixed64Value != 0 || writer.options.emitDefaultValues {
      writer.writeKey("sfixed64Value", protoName: "sfixed64_value")
      writer.writeInt64(self.sfixed64Value)
    }
    if self.boolValue || writer.options.emitDefaultValues {
      writer.writeKey("boolValue", protoName: "bool_value")
      writer.writeBool(self.boolValue)
    }
    if !self.stringValue.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("stringValue", protoName: "string_value")
      writer.writeString(self.stringValue)
    }
    if !self.bytesValue.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("bytesValue", protoName: "bytes_value")
      writer.writeBytes(self.bytesValue)
    }
    if self.twoByteTag != 0 || writer.options.emitDefaultValues {
      writer.writeKey("twoByteTag", protoName: "two_byte_tag")
      writer.writeInt32(self.twoByteTag)
    }
    if !self.maxNumber.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("maxNumber", protoName: "max_number")
      writer.writeString(self.maxNumber)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "doubleValue", "double_value":
        try reader.claimFieldAlias(key == "doubleValue" ? "double_value" : "doubleValue")
        if reader.consumeNull() {
          self.doubleValue = 0
        } else {
          self.doubleValue = try reader.readDouble()
        }
      case "floatValue", "float_value":
        try reader.claimFieldAlias(key == "floatValue" ? "float_value" : "floatValue")
        if reader.consumeNull() {
          self.floatValue = 0
        } else {
          self.floatValue = try reader.readFloat()
        }
      case "int32Value", "int32_value":
        try reader.claimFieldAlias(key == "int32Value" ? "int32_value" : "int32Value")
        if reader.consumeNull() {
          self.int32Value = 0
        } else {
          self.int32Value = try reader.readInt32()
        }
      case "int64Value", "int64_value":
        try reader.claimFieldAlias(key == "int64Value" ? "int64_value" : "int64Value")
        if reader.consumeNull() {
          self.int64Value = 0
        } else {
          self.int64Value = try reader.readInt64()
        }
      case "uint32Value", "uint32_value":
        try reader.claimFieldAlias(key == "uint32Value" ? "uint32_value" : "uint32Value")
        if reader.consumeNull() {
          self.uint32Value = 0
        } else {
          self.uint32Value = try reader.readUInt32()
        }
      case "uint64Value", "uint64_value":
        try reader.claimFieldAlias(key == "uint64Value" ? "uint64_value" : "uint64Value")
        if reader.consumeNull() {
          self.uint64Value = 0
        } else {
          self.uint64Value = try reader.readUInt64()
        }
      case "sint32Value", "sint32_value":
        try reader.claimFieldAlias(key == "sint32Value" ? "sint32_value" : "sint32Value")
        if reader.consumeNull() {
          self.sint32Value = 0
        } else {
          self.sint32Value = try reader.readInt32()
        }
      case "sint64Value", "sint64_value":
        try reader.claimFieldAlias(key == "sint64Value" ? "sint64_value" : "sint64Value")
        if reader.consumeNull() {
          self.sint64Value = 0
        } else {
          self.sint64Value = try reader.readInt64()
        }
      case "fixed32Value", "fixed32_value":
        try reader.claimFieldAlias(key == "fixed32Value" ? "fixed32_value" : "fixed32Value")
        if reader.consumeNull() {
          self.fixed32Value = 0
        } else {
          self.fixed32Value = try reader.readUInt32()
        }
      case "fixed64Value", "fixed64_value":
        try reader.claimFieldAlias(key == "fixed64Value" ? "fixed64_value" : "fixed64Value")
        if reader.consumeNull() {
          self.fixed64Value = 0
        } else {
          self.fixed64Value = try reader.readUInt64()
        }
      case "sfixed32Value", "sfixed32_value":
        try reader.claimFieldAlias(key == "sfixed32Value" ? "sfixed32_value" : "sfixed32Value")
        if reader.consumeNull() {
          self.sfixed32Value = 0
        } else {
          self.sfixed32Value = try reader.readInt32()
        }
      case "sfixed64Value", "sfixed64_value":
        try reader.claimFieldAlias(key == "sfixed64Value" ? "sfixed64_value" : "sfixed64Value")
        if reader.consumeNull() {
          self.sfixed64Value = 0
        } else {
          self.sfixed64Value = try reader.readInt64()
        }
      case "boolValue", "bool_value":
        try reader.claimFieldAlias(key == "boolValue" ? "bool_value" : "boolValue")
        if reader.consumeNull() {
          self.boolValue = false
        } else {
          self.boolValue = try reader.readBool()
        }
      case "stringValue", "string_value":
        try reader.claimFieldAlias(key == "stringValue" ? "string_value" : "stringValue")
        if reader.consumeNull() {
          self.stringValue = ""
        } else {
          self.stringValue = try reader.readString()
        }
      case "bytesValue", "bytes_value":
        try reader.claimFieldAlias(key == "bytesValue" ? "bytes_value" : "bytesValue")
        if reader.consumeNull() {
          self.bytesValue = []
        } else {
          self.bytesValue = try reader.readBytes()
        }
      case "twoByteTag", "two_byte_tag":
        try reader.claimFieldAlias(key == "twoByteTag" ? "two_byte_tag" : "twoByteTag")
        if reader.consumeNull() {
          self.twoByteTag = 0
        } else {
          self.twoByteTag = try reader.readInt32()
        }
      case "maxNumber", "max_number":
        try reader.claimFieldAlias(key == "maxNumber" ? "max_number" : "maxNumber")
        if reader.consumeNull() {
          self.maxNumber = ""
        } else {
          self.maxNumber = try reader.readString()
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
