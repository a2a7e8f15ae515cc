/// - Note: Deprecated in the schema.
public enum Sluice_Test_Status: ProtoEnum {
  case ok  // STATUS_OK = 0
  /// - Note: Deprecated in the schema.
  case old  // STATUS_OLD = 1
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Status"
  public static let knownCases: [Self] = [.ok, .old]

  public init() { self = .ok }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .ok
    case 1: self = .old
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .ok: 0
    case .old: 1
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .ok: "STATUS_OK"
    case .old: "STATUS_OLD"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "STATUS_OK": self = .ok
    case "STATUS_OLD": self = .old
    default: return nil
    }
  }
}

/// - Note: Deprecated in the schema.
public struct Sluice_Test_Legacy: ProtoMessage {
  public static let protoMessageName = "sluice.test.Legacy"

  @available(*, deprecated)
  public var oldName: String {
    get { self._oldName }
    set { self._oldName = newValue }
  }
  private var _oldName: String = ""

  @available(*, deprecated)
  public var oldItem: Sluice_Test_Item? {
    get { self._oldItem }
    set { self._oldItem = newValue }
  }
  private var _oldItem: Sluice_Test_Item? = nil

  @available(*, deprecated)
  public var oldTags: [String] {
    get { self._oldTags }
    set { self._oldTags = newValue }
  }
  private var _oldTags: [String] = []

  @available(*, deprecated)
  public var oldMap: [String: Int32] {
    get { self._oldMap }
    set { self._oldMap = newValue }
  }
  private var _oldMap: [String: Int32] = [:]

  @available(*, deprecated)
  public var oldCount: Int32? {
    get { self._oldCount }
    set { self._oldCount = newValue }
  }
  private var _oldCount: Int32? = nil

  public var choice: OneOf_Choice? = nil
  public var status: Sluice_Test_Status = .ok

  @available(*, deprecated)
  public var self_: Bool {
    get { self._self_ }
    set { self._self_ = newValue }
  }
  private var _self_: Bool = false

  public var unknownFields = UnknownFields()

  public init() {}

  public enum OneOf_Choice: Hashable, Sendable {
    /// - Note: Deprecated in the schema.
    case oldChoice(String)
    case newChoice(String)
  }
}

public struct Sluice_Test_Item: ProtoMessage {
  public static let protoMessageName = "sluice.test.Item"

  public var name: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
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

extension Sluice_Test_Legacy {
  public func serializedSize() -> Int {
    var size = 0
    if !self._oldName.isEmpty { size += 1 + ProtoSize.string(self._oldName) }
    if let v = self._oldItem { size += 1 + ProtoSize.message(v) }
    for v in self._oldTags { size += 1 + ProtoSize.string(v) }
    for (k, v) in self._oldMap {
      let n = 2 + ProtoSize.string(k) + ProtoSize.int32(v)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if let v = self._oldCount { size += 1 + ProtoSize.int32(v) }
    switch self.choice {
    case .oldChoice(let v)?: size += 1 + ProtoSize.string(v)
    case .newChoice(let v)?: size += 1 + ProtoSize.string(v)
    case nil: break
    }
    if self.status.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.status) }
    if self._self_ { size += 2 }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self._oldName.isEmpty { writer.writeTag(10); writer.writeString(self._oldName) }
    if let v = self._oldItem { writer.writeTag(18); writer.writeMessage(v) }
    for v in self._oldTags { writer.writeTag(26); writer.writeString(v) }
    for (k, v) in self._oldMap {
      writer.writeTag(34)
      writer.writeVarint(UInt64(2 + ProtoSize.string(k) + ProtoSize.int32(v)))
      writer.writeTag(10); writer.writeString(k)
      writer.writeTag(16); writer.writeInt32(v)
    }
    if let v = self._oldCount { writer.writeTag(40); writer.writeInt32(v) }
    switch self.choice {
    case .oldChoice(let v)?: writer.writeTag(50); writer.writeString(v)
    case .newChoice(let v)?: writer.writeTag(58); writer.writeString(v)
    case nil: break
    }
    if self.status.rawValue != 0 { writer.writeTag(64); writer.writeEnum(self.status) }
    if self._self_ { writer.writeTag(72); writer.writeBool(self._self_) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self._oldName = try reader.readString()
      case 18:
        if self._oldItem == nil { self._oldItem = Sluice_Test_Item() }
        try reader.readMessage(into: &self._oldItem!)
      case 26: self._oldTags.append(try reader.readString())
      case 34:
        var entry = try reader.beginNested()
        var key: String = ""
        var value: Int32 = 0
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 10: key = try entry.readString()
          case 16: value = try entry.readInt32()
          default: try entry.skipField(tag: entryTag)
          }
        }
        self._oldMap[key] = value
      case 40: self._oldCount = try reader.readInt32()
      case 50: self.choice = .oldChoice(try reader.readString())
      case 58: self.choice = .newChoice(try reader.readString())
      case 64: self.status = try reader.readEnum()
      case 72: self._self_ = try reader.readBool()
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
    if !self._oldName.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("oldName", protoName: "old_name")
      writer.writeString(self._oldName)
    }
    if let v = self._oldItem {
      writer.writeKey("oldItem", protoName: "old_item")
      v.encodeJSON(to: &writer)
    }
    if !self._oldTags.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("oldTags", protoName: "old_tags")
      writer.beginArray()
      for v in self._oldTags { writer.writeString(v) }
      writer.endArray()
    }
    if !self._oldMap.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("oldMap", protoName: "old_map")
      writer.beginObject()
      for (k, v) in self._oldMap { writer.writeMapKey(k); writer.writeInt32(v) }
      writer.endObject()
    }
    if let v = self._oldCount {
      writer.writeKey("oldCount", protoName: "old_count")
      writer.writeInt32(v)
    }
    switch self.choice {
    case .oldChoice(let v)?:
      writer.writeKey("oldChoice", protoName: "old_choice")
      writer.writeString(v)
    case .newChoice(let v)?:
      writer.writeKey("newChoice", protoName: "new_choice")
      writer.writeString(v)
    case nil: break
    }
    if self.status.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("status", protoName: "status")
      writer.writeEnum(self.status)
    }
    if self._self_ || writer.options.emitDefaultValues {
      writer.writeKey("self", protoName: "self")
      writer.writeBool(self._self_)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var choiceSeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "oldName", "old_name":
        try reader.claimFieldAlias(key == "oldName" ? "old_name" : "oldName")
        if reader.consumeNull() {
          self._oldName = ""
        } else {
          self._oldName = try reader.readString()
        }
      case "oldItem", "old_item":
        try reader.claimFieldAlias(key == "oldItem" ? "old_item" : "oldItem")
        if reader.consumeNull() {
          self._oldItem = nil
        } else {
          if self._oldItem == nil { self._oldItem = Sluice_Test_Item() }
          try reader.readMessage(into: &self._oldItem!)
        }
      case "oldTags", "old_tags":
        try reader.claimFieldAlias(key == "oldTags" ? "old_tags" : "oldTags")
        self._oldTags = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() { self._oldTags.append(try reader.readString()) }
        }
      case "oldMap", "old_map":
        try reader.claimFieldAlias(key == "oldMap" ? "old_map" : "oldMap")
        self._oldMap = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            self._oldMap[entryKey] = try reader.readInt32()
          }
        }
      case "oldCount", "old_count":
        try reader.claimFieldAlias(key == "oldCount" ? "old_count" : "oldCount")
        if reader.consumeNull() {
          self._oldCount = nil
        } else {
          self._oldCount = try reader.readInt32()
        }
      case "oldChoice", "old_choice":
        try reader.claimFieldAlias(key == "oldChoice" ? "old_choice" : "oldChoice")
        if !reader.consumeNull() {
          if choiceSeen { throw JSONDecodingError.duplicateField(key) }
          choiceSeen = true
          self.choice = .oldChoice(try reader.readString())
        }
      case "newChoice", "new_choice":
        try reader.claimFieldAlias(key == "newChoice" ? "new_choice" : "newChoice")
        if !reader.consumeNull() {
          if choiceSeen { throw JSONDecodingError.duplicateField(key) }
          choiceSeen = true
          self.choice = .newChoice(try reader.readString())
        }
      case "status":
        if reader.consumeNull() {
          self.status = .ok
        } else if let e: Sluice_Test_Status = try reader.readEnum() {
          self.status = e
        }
      case "self":
        if reader.consumeNull() { self._self_ = false } else { self._self_ = try reader.readBool() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
