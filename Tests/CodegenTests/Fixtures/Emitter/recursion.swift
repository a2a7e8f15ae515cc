public struct Sluice_Test_Node: ProtoMessage {
  public static let protoMessageName = "sluice.test.Node"

  @ProtoIndirect public var parent: Sluice_Test_Node? = nil
  public var children: [Sluice_Test_Node] = []
  public var byName: [String: Sluice_Test_Node] = [:]
  public var link: OneOf_Link? = nil
  @ProtoIndirect public var previous: Sluice_Test_Node? = nil

  public var unknownFields = UnknownFields()

  public init() {}

  public enum OneOf_Link: Hashable, Sendable {
    indirect case next(Sluice_Test_Node)
    case leaf(Sluice_Test_Leaf)
  }
}

public struct Sluice_Test_Leaf: ProtoMessage {
  public static let protoMessageName = "sluice.test.Leaf"

  public var value: String = ""

  public var unknownFields = UnknownFields()

  public init() {}
}

public struct Sluice_Test_Ping: ProtoMessage {
  public static let protoMessageName = "sluice.test.Ping"

  @ProtoIndirect public var pong: Sluice_Test_Pong? = nil

  public var unknownFields = UnknownFields()

  public init() {}
}

public struct Sluice_Test_Pong: ProtoMessage {
  public static let protoMessageName = "sluice.test.Pong"

  public var back: OneOf_Back? = nil

  public var unknownFields = UnknownFields()

  public init() {}

  public enum OneOf_Back: Hashable, Sendable {
    indirect case ping(Sluice_Test_Ping)
  }
}

public struct Sluice_Test_Holder: ProtoMessage {
  public static let protoMessageName = "sluice.test.Holder"

  public var ping: Sluice_Test_Ping? = nil

  public var unknownFields = UnknownFields()

  public init() {}
}

extension Sluice_Test_Node {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.parent { size += 1 + ProtoSize.message(v) }
    for v in self.children { size += 1 + ProtoSize.message(v) }
    for (k, v) in self.byName {
      let valueSize = v.serializedSize()
      let n = 2 + ProtoSize.string(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize
      size += 1 + ProtoSize.varint(UInt64(n)) + n
    }
    switch self.link {
    case .next(let v)?: size += 1 + ProtoSize.message(v)
    case .leaf(let v)?: size += 1 + ProtoSize.message(v)
    case nil: break
    }
    if let v = self.previous { size += 1 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.parent { writer.writeTag(10); writer.writeMessage(v) }
    for v in self.children { writer.writeTag(18); writer.writeMessage(v) }
    for (k, v) in self.byName {
      writer.writeTag(26)
      let valueSize = v.serializedSize()
      writer.writeVarint(UInt64(2 + ProtoSize.string(k) + ProtoSize.varint(UInt64(valueSize)) + valueSize))
      writer.writeTag(10); writer.writeString(k)
      writer.writeTag(18); writer.writeVarint(UInt64(valueSize)); v.encode(to: &writer)
    }
    switch self.link {
    case .next(let v)?: writer.writeTag(34); writer.writeMessage(v)
    case .leaf(let v)?: writer.writeTag(42); writer.writeMessage(v)
    case nil: break
    }
    if let v = self.previous { writer.writeTag(50); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.parent == nil { self.parent = Sluice_Test_Node() }
        try reader.readMessage(into: &self.parent!)
      case 18:
        var m = Sluice_Test_Node()
        try reader.readMessage(into: &m)
        self.children.append(m)
      case 26:
        var entry = try reader.beginNested()
        var key: String = ""
        var value: Sluice_Test_Node = Sluice_Test_Node()
        while let entryTag = try entry.readTag() {
          switch entryTag {
          case 10: key = try entry.readString()
          case 18: try entry.readMessage(into: &value)
          default: try entry.skipField(tag: entryTag)
          }
        }
        self.byName[key] = value
      case 34:
        var m = Sluice_Test_Node()
        if case .next(let existing)? = self.link { m = existing; self.link = nil }
        try reader.readMessage(into: &m)
        self.link = .next(m)
      case 42:
        var m = Sluice_Test_Leaf()
        if case .leaf(let existing)? = self.link { m = existing; self.link = nil }
        try reader.readMessage(into: &m)
        self.link = .leaf(m)
      case 50:
        if self.previous == nil { self.previous = Sluice_Test_Node() }
        try reader.readMessage(into: &self.previous!)
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
    if let v = self.parent {
      writer.writeKey("parent", protoName: "parent")
      v.encodeJSON(to: &writer)
    }
    if !self.children.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("children", protoName: "children")
      writer.beginArray()
      for v in self.children { v.encodeJSON(to: &writer) }
      writer.endArray()
    }
    if !self.byName.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("byName", protoName: "by_name")
      writer.beginObject()
      for (k, v) in self.byName { writer.writeMapKey(k); v.encodeJSON(to: &writer) }
      writer.endObject()
    }
    switch self.link {
    case .next(let v)?: writer.writeKey("next", protoName: "next"); v.encodeJSON(to: &writer)
    case .leaf(let v)?: writer.writeKey("leaf", protoName: "leaf"); v.encodeJSON(to: &writer)
    case nil: break
    }
    if let v = self.previous {
      writer.writeKey("previous", protoName: "previous")
      v.encodeJSON(to: &writer)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var linkSeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "parent":
        if reader.consumeNull() {
          self.parent = nil
        } else {
          if self.parent == nil { self.parent = Sluice_Test_Node() }
          try reader.readMessage(into: &self.parent!)
        }
      case "children":
        self.children = []
        if !reader.consumeNull() {
          try reader.beginArray()
          while try reader.nextArrayElement() {
            var m = Sluice_Test_Node()
            try reader.readMessage(into: &m)
            self.children.append(m)
          }
        }
      case "byName", "by_name":
        try reader.claimFieldAlias(key == "byName" ? "by_name" : "byName")
        self.byName = [:]
        if !reader.consumeNull() {
          try reader.beginObject()
          while let entryKey = try reader.nextKey() {
            var m = Sluice_Test_Node()
            try reader.readMessage(into: &m)
            self.byName[entryKey] = m
          }
        }
      case "next":
        if !reader.consumeNull() {
          if linkSeen { throw JSONDecodingError.duplicateField(key) }
          linkSeen = true
          var m = Sluice_Test_Node()
          if case .next(let existing)? = self.link { m = existing; self.link = nil }
          try reader.readMessage(into: &m)
          self.link = .next(m)
        }
      case "leaf":
        if !reader.consumeNull() {
          if linkSeen { throw JSONDecodingError.duplicateField(key) }
          linkSeen = true
          var m = Sluice_Test_Leaf()
          if case .leaf(let existing)? = self.link { m = existing; self.link = nil }
          try reader.readMessage(into: &m)
          self.link = .leaf(m)
        }
      case "previous":
        if reader.consumeNull() {
          self.previous = nil
        } else {
          if self.previous == nil { self.previous = Sluice_Test_Node() }
          try reader.readMessage(into: &self.previous!)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Leaf {
  public func serializedSize() -> Int {
    var size = 0
    if !self.value.isEmpty { size += 1 + ProtoSize.string(self.value) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.value.isEmpty { writer.writeTag(10); writer.writeString(self.value) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self.value = try reader.readString()
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
    if !self.value.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("value", protoName: "value")
      writer.writeString(self.value)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "value":
        if reader.consumeNull() { self.value = "" } else { self.value = try reader.readString() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Ping {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.pong { size += 1 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.pong { writer.writeTag(10); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.pong == nil { self.pong = Sluice_Test_Pong() }
        try reader.readMessage(into: &self.pong!)
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
    if let v = self.pong { writer.writeKey("pong", protoName: "pong"); v.encodeJSON(to: &writer) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "pong":
        if reader.consumeNull() {
          self.pong = nil
        } else {
          if self.pong == nil { self.pong = Sluice_Test_Pong() }
          try reader.readMessage(into: &self.pong!)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Pong {
  public func serializedSize() -> Int {
    var size = 0
    switch self.back {
    case .ping(let v)?: size += 1 + ProtoSize.message(v)
    case nil: break
    }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if case .ping(let v)? = self.back { writer.writeTag(10); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        var m = Sluice_Test_Ping()
        if case .ping(let existing)? = self.back { m = existing; self.back = nil }
        try reader.readMessage(into: &m)
        self.back = .ping(m)
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
    if case .ping(let v)? = self.back {
      writer.writeKey("ping", protoName: "ping")
      v.encodeJSON(to: &writer)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var backSeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "ping":
        if !reader.consumeNull() {
          if backSeen { throw JSONDecodingError.duplicateField(key) }
          backSeen = true
          var m = Sluice_Test_Ping()
          if case .ping(let existing)? = self.back { m = existing; self.back = nil }
          try reader.readMessage(into: &m)
          self.back = .ping(m)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Holder {
  public func serializedSize() -> Int {
    var size = 0
    if let v = self.ping { size += 1 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if let v = self.ping { writer.writeTag(10); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10:
        if self.ping == nil { self.ping = Sluice_Test_Ping() }
        try reader.readMessage(into: &self.ping!)
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
    if let v = self.ping { writer.writeKey("ping", protoName: "ping"); v.encodeJSON(to: &writer) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "ping":
        if reader.consumeNull() {
          self.ping = nil
        } else {
          if self.ping == nil { self.ping = Sluice_Test_Ping() }
          try reader.readMessage(into: &self.ping!)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
