public struct Sluice_Test_Item: ProtoMessage {
  public static let protoMessageName = "sluice.test.Item"

  public var name: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
}

public struct Sluice_Test_Maps: ProtoMessage {
  public static let protoMessageName = "sluice.test.Maps"

  public var labels: [String: String] = [:]
  public var counts: [Int32: Int64] = [:]
  public var flags: [UInt64: Bool] = [:]
  public var colors: [Int32: Sluice_Test_Color] = [:]
  public var blobs: [UInt32: [UInt8]] = [:]
  public var items: [Bool: Sluice_Test_Item] = [:]
  public var ratios: [Int64: Double] = [:]
  public var fixedPairs: [UInt64: Int32] = [:]
  public var byId: [UInt32: Sluice_Test_Item] = [:]

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

extension Sluice_Test_Maps {
  public func serializedSize() -> Int {
    var size = 0
    for (k, v) in self.labels {
      let n = 2 + ProtoSize.string(k) + ProtoSize.string(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for (k, v) in self.counts {
      let n = 2 + ProtoSize.int32(k) + ProtoSize.int64(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for (k, _) in self.flags {
      let n = 3 + ProtoSize.uint64(k)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for (k, v) in self.colors {
      let n = 2 + ProtoSize.sint32(k) + ProtoSize.enumValue(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for (_, v) in self.blobs {
      let n = 6 + ProtoSize.bytes(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for (_, v) in self.items {
      let valueSize = v.serializedSize()
      let n = 3 + ProtoSize.varint(UInt64(valueSize)) + valueSize
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    size += self.ratios.count * 20
    size += self.fixedPairs.count * 16
    for (k, v) in self.byId {
      let valueSize = v.serializedSize()
      let n = 2 + ProtoSize.uint32(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    for (k, v) in self.labels {
      writer.writeTag(10)
      writer.writeVarint(UInt64(2 + ProtoSize.string(k) + ProtoSize.string(v)))
      writer.writeTag(10); writer.writeString(k)
      writer.writeTag(18); writer.writeString(v)
    }
    for (k, v) in self.counts {
      writer.writeTag(18)
      writer.writeVarint(UInt64(2 + ProtoSize.int32(k) + ProtoSize.int64(v)))
      writer.writeTag(8); writer.writeInt32(k)
      writer.writeTag(16); writer.writeInt64(v)
    }
    for (k, v) in self.flags {
      writer.writeTag(26)
      writer.writeVarint(UInt64(3 + ProtoSize.uint64(k)))
      writer.writeTag(8); writer.writeUInt64(k)
      writer.writeTag(16); writer.writeBool(v)
    }
    for (k, v) in self.colors {
      writer.writeTag(34)
      writer.writeVarint(UInt64(2 + ProtoSize.sint32(k) + ProtoSize.enumValue(v)))
      writer.writeTag(8); writer.writeSInt32(k)
      writer.writeTag(16); writer.writeEnum(v)
    }
    for (k, v) in self.blobs {
      writer.writeTag(42)
      writer.writeVarint(UInt64(6 + ProtoSize.bytes(v)))
      writer.writeTag(13); writer.writeFixed32(k)
      writer.writeTag(18); writer.writeBytes(v)
    }
    for (k, v) in self.items {
      writer.writeTag(50)
      let valueSize = v.serializedSize()
      writer.writeVarint(UInt64(3 + ProtoSize.varint(UInt64(valueSize)) + valueSize))
      writer.writeTag(8); writer.writeBool(k)
      writer.writeTag(18); writer.writeVarint(UInt64(valueSize)); v.encode(to: &writer)
    }
    for (k, v) in self.ratios {
      writer.writeTag(58)
      writer.writeVarint(18)
      writer.writeTag(9); writer.writeSFixed64(k)
      writer.writeTag(17); writer.writeDouble(v)
    }
    for (k, v) in self.fixedPairs {
      writer.writeTag(66)
      writer.writeVarint(14)
      writer.writeTag(9); writer.writeFixed64(k)
      writer.writeTag(21); writer.writeSFixed32(v)
    }
    for (k, v) in self.byId {
      writer.writeTag(74)
      let valueSize = v.serializedSize()
      writer.writeVarint(UInt64(2 + ProtoSize.uint32(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize))
      writer.writeTag(8); writer.writeUInt32(k)
      writer.writeTag(18); writer.writeVarint(UInt64(valueSize)); v.encode(to: &writer)
    }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        var entry = try reader.beginNested()
        var key: String = ""
        var value: String = ""
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 10: key = try entry.readString()
          case 18: value = try entry.readString()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.labels[key] = value
      case 18:
        var entry = try reader.beginNested()
        var key: Int32 = 0
        var value: Int64 = 0
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 8: key = try entry.readInt32()
          case 16: value = try entry.readInt64()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.counts[key] = value
      case 26:
        var entry = try reader.beginNested()
        var key: UInt64 = 0
        var value: Bool = false
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 8: key = try entry.readUInt64()
          case 16: value = try entry.readBool()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.flags[key] = value
      case 34:
        var entry = try reader.beginNested()
        var key: Int32 = 0
        var value: Sluice_Test_Color = .unspecified
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 8: key = try entry.readSInt32()
          case 16: value = try entry.readEnum()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.colors[key] = value
      case 42:
        var entry = try reader.beginNested()
        var key: UInt32 = 0
        var value: [UInt8] = []
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 13: key = try entry.readFixed32()
          case 18: value = try entry.readBytes()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.blobs[key] = value
      case 50:
        var entry = try reader.beginNested()
        var key: Bool = false
        var value: Sluice_Test_Item = Sluice_Test_Item()
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 8: key = try entry.readBool()
          case 18: try entry.readMessage(into: &value)
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.items[key] = value
      case 58:
        var entry = try reader.beginNested()
        var key: Int64 = 0
        var value: Double = 0
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 9: key = try entry.readSFixed64()
          case 17: value = try entry.readDouble()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.ratios[key] = value
      case 66:
        var entry = try reader.beginNested()
        var key: UInt64 = 0
        var value: Int32 = 0
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 9: key = try entry.readFixed64()
          case 21: value = try entry.readSFixed32()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.fixedPairs[key] = value
      case 74:
        var entry = try reader.beginNested()
        var key: UInt32 = 0
        var value: Sluice_Test_Item = Sluice_Test_Item()
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 8: key = try entry.readUInt32()
          case 18: try entry.readMessage(into: &value)
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.byId[key] = value
      default:
        switch tag >> 3 {
        case 1...9: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !self.labels.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("labels", protoName: "labels")
      writer.beginObject()
      for (k, v) in self.labels { writer.writeMapKey(k); writer.writeString(v) }
      writer.endObject()
    }
    if !self.counts.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("counts", protoName: "counts")
      writer.beginObject()
      for (k, v) in self.counts { writer.writeMapKey(k); writer.writeInt64(v) }
      writer.endObject()
    }
    if !self.flags.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("flags", protoName: "flags")
      writer.beginObject()
      for (k, v) in self.flags { writer.writeMapKey(k); writer.writeBool(v) }
      writer.endObject()
    }
    if !self.colors.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("colors", protoName: "colors")
      writer.beginObject()
      for (k, v) in self.colors { writer.writeMapKey(k); writer.writeEnum(v) }
      writer.endObject()
    }
    if !self.blobs.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("blobs", protoName: "blobs")
      writer.beginObject()
      for (k, v) in self.blobs { writer.writeMapKey(k); writer.writeBytes(v) }
      writer.endObject()
    }
    if !self.items.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("items", protoName: "items")
      writer.beginObject()
      for (k, v) in self.items { writer.writeMapKey(k); v.encodeJSON(to: &writer) }
      writer.endObject()
    }
    if !self.ratios.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("ratios", protoName: "ratios")
      writer.beginObject()
      for (k, v) in self.ratios { writer.writeMapKey(k); writer.writeDouble(v) }
      writer.endObject()
    }
    if !self.fixedPairs.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("fixedPairs", protoName: "fixed_pairs")
      writer.beginObject()
      for (k, v) in self.fixedPairs { writer.writeMapKey(k); writer.writeInt32(v) }
      writer.endObject()
    }
    if !self.byId.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("byId", protoName: "by_id")
      writer.beginObject()
      for (k, v) in self.byId { writer.writeMapKey(k); v.encodeJSON(to: &writer) }
      writer.endObject()
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "labels":
        self.labels = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            self.labels[entryKey] = try reader.readString()
          }
        }
      case "counts":
        self.counts = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyInt32(entryKey)
            self.counts[k] = try reader.readInt64()
          }
        }
      case "flags":
        self.flags = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyUInt64(entryKey)
            self.flags[k] = try reader.readBool()
          }
        }
      case "colors":
        self.colors = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyInt32(entryKey)
            if let e: Sluice_Test_Color = try reader.readEnum() { self.colors[k] = e }
          }
        }
      case "blobs":
        self.blobs = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyUInt32(entryKey)
            self.blobs[k] = try reader.readBytes()
          }
        }
      case "items":
        self.items = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyBool(entryKey)
            var m = Sluice_Test_Item()
            try reader.readMessage(into: &m)
            self.items[k] = m
          }
        }
      case "ratios":
        self.ratios = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyInt64(entryKey)
            self.ratios[k] = try reader.readDouble()
          }
        }
      case "fixedPairs", "fixed_pairs":
        try reader.claimFieldAlias(key == "fixedPairs" ? "fixed_pairs" : "fixedPairs")
        self.fixedPairs = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyUInt64(entryKey)
            self.fixedPairs[k] = try reader.readInt32()
          }
        }
      case "byId", "by_id":
        try reader.claimFieldAlias(key == "byId" ? "by_id" : "byId")
        self.byId = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            let k = try reader.mapKeyUInt32(entryKey)
            var m = Sluice_Test_Item()
            try reader.readMessage(into: &m)
            self.byId[k] = m
          }
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
