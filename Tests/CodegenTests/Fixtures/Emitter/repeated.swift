public struct Sluice_Test_Item: ProtoMessage {
  public static let protoMessageName = "sluice.test.Item"

  public var name: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
}

public struct Sluice_Test_Repeated: ProtoMessage {
  public static let protoMessageName = "sluice.test.Repeated"

  public var ints: [Int32] = []
  public var zigzags: [Int64] = []
  public var fixeds: [UInt32] = []
  public var doubles: [Double] = []
  public var flags: [Bool] = []
  public var colors: [Sluice_Test_Color] = []
  public var looseInts: [Int64] = []
  public var looseFixeds: [UInt64] = []
  public var looseColors: [Sluice_Test_Color] = []
  public var names: [String] = []
  public var blobs: [[UInt8]] = []
  public var items: [Sluice_Test_Item] = []

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

extension Sluice_Test_Repeated {
  public func serializedSize() -> Int {
    var size = 0
    if !self.ints.isEmpty {
      let n = ProtoSize.packedInt32(self.ints)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if !self.zigzags.isEmpty {
      let n = ProtoSize.packedSInt64(self.zigzags)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if !self.fixeds.isEmpty {
      let n = self.fixeds.count * 4
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if !self.doubles.isEmpty {
      let n = self.doubles.count * 8
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if !self.flags.isEmpty { let n = self.flags.count; size += 1 + ProtoSize.varint(UInt64(n)) + n }
    if !self.colors.isEmpty {
      let n = ProtoSize.packedEnum(self.colors)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    for v in self.looseInts { size += 1 + ProtoSize.int64(v) }
    size += self.looseFixeds.count * 9
    for v in self.looseColors { size += 1 + ProtoSize.enumValue(v) }
    for v in self.names { size += 1 + ProtoSize.string(v) }
    for v in self.blobs { size += 1 + ProtoSize.bytes(v) }
    for v in self.items { size += 1 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.ints.isEmpty {
      writer.writeTag(10)
      writer.writeVarint(UInt64(ProtoSize.packedInt32(self.ints)))
      for v in self.ints { writer.writeInt32(v) }
    }
    if !self.zigzags.isEmpty {
      writer.writeTag(18)
      writer.writeVarint(UInt64(ProtoSize.packedSInt64(self.zigzags)))
      for v in self.zigzags { writer.writeSInt64(v) }
    }
    if !self.fixeds.isEmpty {
      writer.writeTag(26)
      writer.writeVarint(UInt64(self.fixeds.count * 4))
      for v in self.fixeds { writer.writeFixed32(v) }
    }
    if !self.doubles.isEmpty {
      writer.writeTag(34)
      writer.writeVarint(UInt64(self.doubles.count * 8))
      for v in self.doubles { writer.writeDouble(v) }
    }
    if !self.flags.isEmpty {
      writer.writeTag(42)
      writer.writeVarint(UInt64(self.flags.count))
      for v in self.flags { writer.writeBool(v) }
    }
    if !self.colors.isEmpty {
      writer.writeTag(50)
      writer.writeVarint(UInt64(ProtoSize.packedEnum(self.colors)))
      for v in self.colors { writer.writeEnum(v) }
    }
    for v in self.looseInts { writer.writeTag(56); writer.writeInt64(v) }
    for v in self.looseFixeds { writer.writeTag(65); writer.writeFixed64(v) }
    for v in self.looseColors { writer.writeTag(72); writer.writeEnum(v) }
    for v in self.names { writer.writeTag(82); writer.writeString(v) }
    for v in self.blobs { writer.writeTag(90); writer.writeBytes(v) }
    for v in self.items { writer.writeTag(98); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: self.ints.append(try reader.readInt32())
      case 10: try reader.readPackedInt32(into: &self.ints)
      case 16: self.zigzags.append(try reader.readSInt64())
      case 18: try reader.readPackedSInt64(into: &self.zigzags)
      case 29: self.fixeds.append(try reader.readFixed32())
      case 26: try reader.readPackedFixed32(into: &self.fixeds)
      case 33: self.doubles.append(try reader.readDouble())
      case 34: try reader.readPackedDouble(into: &self.doubles)
      case 40: self.flags.append(try reader.readBool())
      case 42: try reader.readPackedBool(into: &self.flags)
      case 48: self.colors.append(try reader.readEnum())
      case 50: try reader.readPackedEnum(into: &self.colors)
      case 56: self.looseInts.append(try reader.readInt64())
      case 58: try reader.readPackedInt64(into: &self.looseInts)
      case 65: self.looseFixeds.append(try reader.readFixed64())
      case 66: try reader.readPackedFixed64(into: &self.looseFixeds)
      case 72: self.looseColors.append(try reader.readEnum())
      case 74: try reader.readPackedEnum(into: &self.looseColors)
      case 82: self.names.append(try reader.readString())
      case 90: self.blobs.append(try reader.readBytes())
      case 98:
        var m = Sluice_Test_Item()
        try reader.readMessage(into: &m)
        self.items.append(m)
      default:
        switch tag >> 3 {
        case 1...12: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !self.ints.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("ints", protoName: "ints")
      writer.beginArray()
      for v in self.ints { writer.writeInt32(v) }
      writer.endArray()
    }
    if !self.zigzags.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("zigzags", protoName: "zigzags")
      writer.beginArray()
      for v in self.zigzags { writer.writeInt64(v) }
      writer.endArray()
    }
    if !self.fixeds.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("fixeds", protoName: "fixeds")
      writer.beginArray()
      for v in self.fixeds { writer.writeUInt32(v) }
      writer.endArray()
    }
    if !self.doubles.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("doubles", protoName: "doubles")
      writer.beginArray()
      for v in self.doubles { writer.writeDouble(v) }
      writer.endArray()
    }
    if !self.flags.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("flags", protoName: "flags")
      writer.beginArray()
      for v in self.flags { writer.writeBool(v) }
      writer.endArray()
    }
    if !self.colors.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("colors", protoName: "colors")
      writer.beginArray()
      for v in self.colors { writer.writeEnum(v) }
      writer.endArray()
    }
    if !self.looseInts.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("looseInts", protoName: "loose_ints")
      writer.beginArray()
      for v in self.looseInts { writer.writeInt64(v) }
      writer.endArray()
    }
    if !self.looseFixeds.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("looseFixeds", protoName: "loose_fixeds")
      writer.beginArray()
      for v in self.looseFixeds { writer.writeUInt64(v) }
      writer.endArray()
    }
    if !self.looseColors.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("looseColors", protoName: "loose_colors")
      writer.beginArray()
      for v in self.looseColors { writer.writeEnum(v) }
      writer.endArray()
    }
    if !self.names.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("names", protoName: "names")
      writer.beginArray()
      for v in self.names { writer.writeString(v) }
      writer.endArray()
    }
    if !self.blobs.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("blobs", protoName: "blobs")
      writer.beginArray()
      for v in self.blobs { writer.writeBytes(v) }
      writer.endArray()
    }
    if !self.items.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("items", protoName: "items")
      writer.beginArray()
      for v in self.items { v.encodeJSON(to: &writer) }
      writer.endArray()
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "ints":
        self.ints = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.ints.append(try reader.readInt32()) }
        }
      case "zigzags":
        self.zigzags = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.zigzags.append(try reader.readInt64()) }
        }
      case "fixeds":
        self.fixeds = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.fixeds.append(try reader.readUInt32()) }
        }
      case "doubles":
        self.doubles = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.doubles.append(try reader.readDouble()) }
        }
      case "flags":
        self.flags = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.flags.append(try reader.readBool()) }
        }
      case "colors":
        self.colors = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            if let e: Sluice_Test_Color = try reader.readEnum() { self.colors.append(e) }
          }
        }
      case "looseInts", "loose_ints":
        try reader.claimFieldAlias(key == "looseInts" ? "loose_ints" : "looseInts")
        self.looseInts = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.looseInts.append(try reader.readInt64()) }
        }
      case "looseFixeds", "loose_fixeds":
        try reader.claimFieldAlias(key == "looseFixeds" ? "loose_fixeds" : "looseFixeds")
        self.looseFixeds = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.looseFixeds.append(try reader.readUInt64()) }
        }
      case "looseColors", "loose_colors":
        try reader.claimFieldAlias(key == "looseColors" ? "loose_colors" : "looseColors")
        self.looseColors = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            if let e: Sluice_Test_Color = try reader.readEnum() { self.looseColors.append(e) }
          }
        }
      case "names":
        self.names = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.names.append(try reader.readString()) }
        }
      case "blobs":
        self.blobs = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self.blobs.append(try reader.readBytes()) }
        }
      case "items":
        self.items = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            var m = Sluice_Test_Item()
            try reader.readMessage(into: &m)
            self.items.append(m)
          }
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
