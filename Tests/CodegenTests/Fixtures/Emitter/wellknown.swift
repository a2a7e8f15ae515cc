public struct Sluice_Test_WellKnown: ProtoMessage {
  public static let protoMessageName = "sluice.test.WellKnown"

  public var created: Google_Protobuf_Timestamp? = nil
  public var timeout: Google_Protobuf_Duration? = nil
  public var detail: Google_Protobuf_Any? = nil
  public var attributes: Google_Protobuf_Struct? = nil
  public var value: Google_Protobuf_Value? = nil
  public var values: [Google_Protobuf_Value] = []
  public var valueMap: [String: Google_Protobuf_Value] = [:]
  public var nothing: Google_Protobuf_NullValue = .init()
  public var maybeCount: Google_Protobuf_Int32Value? = nil
  public var mask: Google_Protobuf_FieldMask? = nil
  public var empty: Google_Protobuf_Empty? = nil
  public var choice: OneOf_Choice? = nil
  public var nulls: [Google_Protobuf_NullValue] = []

  public var unknownFields = UnknownFields()

  public init() {}

  public enum OneOf_Choice: Hashable, Sendable {
    case nullChoice(Google_Protobuf_NullValue)
    case valueChoice(Google_Protobuf_Value)
  }
}

extension Sluice_Test_WellKnown {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.created { size += 1 + ProtoSize.message(v) }
    if let v = self.timeout { size += 1 + ProtoSize.message(v) }
    if let v = self.detail { size += 1 + ProtoSize.message(v) }
    if let v = self.attributes { size += 1 + ProtoSize.message(v) }
    if let v = self.value { size += 1 + ProtoSize.message(v) }
    for v in self.values { size += 1 + ProtoSize.message(v) }
    for (k, v) in self.valueMap {
      let valueSize = v.serializedSize()
      let n = 2 + ProtoSize.string(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    if self.nothing.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.nothing) }
    if let v = self.maybeCount { size += 1 + ProtoSize.message(v) }
    if let v = self.mask { size += 1 + ProtoSize.message(v) }
    if let v = self.empty { size += 1 + ProtoSize.message(v) }
    switch self.choice {
    case .nullChoice(let v)?: size += 1 + ProtoSize.enumValue(v)
    case .valueChoice(let v)?: size += 1 + ProtoSize.message(v)
    case nil: break
    }
    if !self.nulls.isEmpty {
      let n = ProtoSize.packedEnum(self.nulls)
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.created { writer.writeTag(10); writer.writeMessage(v) }
    if let v = self.timeout { writer.writeTag(18); writer.writeMessage(v) }
    if let v = self.detail { writer.writeTag(26); writer.writeMessage(v) }
    if let v = self.attributes { writer.writeTag(34); writer.writeMessage(v) }
    if let v = self.value { writer.writeTag(42); writer.writeMessage(v) }
    for v in self.values { writer.writeTag(50); writer.writeMessage(v) }
    for (k, v) in self.valueMap {
      writer.writeTag(58)
      let valueSize = v.serializedSize()
      writer.writeVarint(UInt64(2 + ProtoSize.string(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize))
      writer.writeTag(10); writer.writeString(k)
      writer.writeTag(18); writer.writeVarint(UInt64(valueSize)); v.encode(to: &writer)
    }
    if self.nothing.rawValue != 0 { writer.writeTag(64); writer.writeEnum(self.nothing) }
    if let v = self.maybeCount { writer.writeTag(74); writer.writeMessage(v) }
    if let v = self.mask { writer.writeTag(82); writer.writeMessage(v) }
    if let v = self.empty { writer.writeTag(90); writer.writeMessage(v) }
    switch self.choice {
    case .nullChoice(let v)?: writer.writeTag(96); writer.writeEnum(v)
    case .valueChoice(let v)?: writer.writeTag(106); writer.writeMessage(v)
    case nil: break
    }
    if !self.nulls.isEmpty {
      writer.writeTag(114)
      writer.writeVarint(UInt64(ProtoSize.packedEnum(self.nulls)))
      for v in self.nulls { writer.writeEnum(v) }
    }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.created == nil { self.created = Google_Protobuf_Timestamp() }
        try reader.readMessage(into: &self.created!)
      case 18:
        if self.timeout == nil { self.timeout = Google_Protobuf_Duration() }
        try reader.readMessage(into: &self.timeout!)
      case 26:
        if self.detail == nil { self.detail = Google_Protobuf_Any() }
        try reader.readMessage(into: &self.detail!)
      case 34:
        if self.attributes == nil { self.attributes = Google_Protobuf_Struct() }
        try reader.readMessage(into: &self.attributes!)
      case 42:
        if self.value == nil { self.value = Google_Protobuf_Value() }
        try reader.readMessage(into: &self.value!)
      case 50:
        var m = Google_Protobuf_Value()
        try reader.readMessage(into: &m)
        self.values.append(m)
      case 58:
        var entry = try reader.beginNested()
        var key: String = ""
        var value: Google_Protobuf_Value = Google_Protobuf_Value()
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 10: key = try entry.readString()
          case 18: try entry.readMessage(into: &value)
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.valueMap[key] = value
      case 64: self.nothing = try reader.readEnum()
      case 74:
        if self.maybeCount == nil { self.maybeCount = Google_Protobuf_Int32Value() }
        try reader.readMessage(into: &self.maybeCount!)
      case 82:
        if self.mask == nil { self.mask = Google_Protobuf_FieldMask() }
        try reader.readMessage(into: &self.mask!)
      case 90:
        if self.empty == nil { self.empty = Google_Protobuf_Empty() }
        try reader.readMessage(into: &self.empty!)
      case 96: self.choice = .nullChoice(try reader.readEnum())
      case 106:
        var m = Google_Protobuf_Value()
        if case .valueChoice(let existing)? = self.choice { m = existing; self.choice = nil }
        try reader.readMessage(into: &m)
        self.choice = .valueChoice(m)
      case 112: self.nulls.append(try reader.readEnum())
      case 114: try reader.readPackedEnum(into: &self.nulls)
      default:
        switch tag >> 3 {
        case 1...14: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if let v = self.created {
      writer.writeKey("created", protoName: "created")
      v.encodeJSON(to: &writer)
    }
    if let v = self.timeout {
      writer.writeKey("timeout", protoName: "timeout")
      v.encodeJSON(to: &writer)
    }
    if let v = self.detail {
      writer.writeKey("detail", protoName: "detail")
      v.encodeJSON(to: &writer)
    }
    if let v = self.attributes {
      writer.writeKey("attributes", protoName: "attributes")
      v.encodeJSON(to: &writer)
    }
    if let v = self.value {
      writer.writeKey("value", protoName: "value")
      v.encodeJSON(to: &writer)
    }
    if !self.values.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("values", protoName: "values")
      writer.beginArray()
      for v in self.values { v.encodeJSON(to: &writer) }
      writer.endArray()
    }
    if !self.valueMap.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("valueMap", protoName: "value_map")
      writer.beginObject()
      for (k, v) in self.valueMap { writer.writeMapKey(k); v.encodeJSON(to: &writer) }
      writer.endObject()
    }
    if self.nothing.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("nothing", protoName: "nothing")
      writer.writeNull()
    }
    if let v = self.maybeCount {
      writer.writeKey("maybeCount", protoName: "maybe_count")
      v.encodeJSON(to: &writer)
    }
    if let v = self.mask { writer.writeKey("mask", protoName: "mask"); v.encodeJSON(to: &writer) }
    if let v = self.empty {
      writer.writeKey("empty", protoName: "empty")
      v.encodeJSON(to: &writer)
    }
    switch self.choice {
    case .nullChoice?: writer.writeKey("nullChoice", protoName: "null_choice"); writer.writeNull()
    case .valueChoice(let v)?:
      writer.writeKey("valueChoice", protoName: "value_choice")
      v.encodeJSON(to: &writer)
    case nil: break
    }
    if !self.nulls.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("nulls", protoName: "nulls")
      writer.beginArray()
      for _ in self.nulls { writer.writeNull() }
      writer.endArray()
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var choiceSeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "created":
        if reader.consumeNull() {
          self.created = nil
        } else {
          if self.created == nil { self.created = Google_Protobuf_Timestamp() }
          try reader.readMessage(into: &self.created!)
        }
      case "timeout":
        if reader.consumeNull() {
          self.timeout = nil
        } else {
          if self.timeout == nil { self.timeout = Google_Protobuf_Duration() }
          try reader.readMessage(into: &self.timeout!)
        }
      case "detail":
        if reader.consumeNull() {
          self.detail = nil
        } else {
          if self.detail == nil { self.detail = Google_Protobuf_Any() }
          try reader.readMessage(into: &self.detail!)
        }
      case "attributes":
        if reader.consumeNull() {
          self.attributes = nil
        } else {
          if self.attributes == nil { self.attributes = Google_Protobuf_Struct() }
          try reader.readMessage(into: &self.attributes!)
        }
      case "value":
        if self.value == nil { self.value = Google_Protobuf_Value() }
        try reader.readMessage(into: &self.value!)
      case "values":
        self.values = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            var m = Google_Protobuf_Value()
            try reader.readMessage(into: &m)
            self.values.append(m)
          }
        }
      case "valueMap", "value_map":
        try reader.claimFieldAlias(key == "valueMap" ? "value_map" : "valueMap")
        self.valueMap = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            var m = Google_Protobuf_Value()
            try reader.readMessage(into: &m)
            self.valueMap[entryKey] = m
          }
        }
      case "nothing":
        if let e: Google_Protobuf_NullValue = try reader.readEnum() { self.nothing = e }
      case "maybeCount", "maybe_count":
        try reader.claimFieldAlias(key == "maybeCount" ? "maybe_count" : "maybeCount")
        if reader.consumeNull() {
          self.maybeCount = nil
        } else {
          if self.maybeCount == nil { self.maybeCount = Google_Protobuf_Int32Value() }
          try reader.readMessage(into: &self.maybeCount!)
        }
      case "mask":
        if reader.consumeNull() {
          self.mask = nil
        } else {
          if self.mask == nil { self.mask = Google_Protobuf_FieldMask() }
          try reader.readMessage(into: &self.mask!)
        }
      case "empty":
        if reader.consumeNull() {
          self.empty = nil
        } else {
          if self.empty == nil { self.empty = Google_Protobuf_Empty() }
          try reader.readMessage(into: &self.empty!)
        }
      case "nullChoice", "null_choice":
        try reader.claimFieldAlias(key == "nullChoice" ? "null_choice" : "nullChoice")
        if let e: Google_Protobuf_NullValue = try reader.readEnum() {
          if choiceSeen { throw JSONDecodingError.duplicateField(key) }
          choiceSeen = true
          self.choice = .nullChoice(e)
        }
      case "valueChoice", "value_choice":
        try reader.claimFieldAlias(key == "valueChoice" ? "value_choice" : "valueChoice")
        if choiceSeen { throw JSONDecodingError.duplicateField(key) }
        choiceSeen = true
        var m = Google_Protobuf_Value()
        if case .valueChoice(let existing)? = self.choice { m = existing; self.choice = nil }
        try reader.readMessage(into: &m)
        self.choice = .valueChoice(m)
      case "nulls":
        self.nulls = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            if let e: Google_Protobuf_NullValue = try reader.readEnum() { self.nulls.append(e) }
          }
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
