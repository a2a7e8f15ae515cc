public struct Sluice_Test_Keywords: ProtoMessage {
  public static let protoMessageName = "sluice.test.Keywords"

  public var `default`: Int32 = 0
  public var `class`: Int32 = 0
  public var self_: Int32 = 0
  public var type: Int32 = 0
  public var `in`: Int32 = 0
  public var unknownFields_: Int32 = 0
  public var init_: Int32 = 0
  public var hashValue_: Int32 = 0
  public var description_: Int32 = 0
  public var serializedSize_: Int32 = 0
  public var leading: Int32 = 0
  public var urlPath: Int32 = 0
  public var `is`: Int32 = 0
  public var `protocol`: Int32 = 0
  public var type_: Int32 = 0
  public var item_: Sluice_Test_Keywords.item? = nil

  public var unknownFields = UnknownFields()

  public init() {}

  public struct item: ProtoMessage {
    public static let protoMessageName = "sluice.test.Keywords.item"

    public var unknownFields = UnknownFields()

    public init() {}
  }
}

extension Sluice_Test_Keywords {
  public func serializedSize() -> Int {
    var size = 0
    if self.default != 0 { size += 1 + ProtoSize.int32(self.default) }
    if self.class != 0 { size += 1 + ProtoSize.int32(self.class) }
    if self.self_ != 0 { size += 1 + ProtoSize.int32(self.self_) }
    if self.type != 0 { size += 1 + ProtoSize.int32(self.type) }
    if self.in != 0 { size += 1 + ProtoSize.int32(self.in) }
    if self.unknownFields_ != 0 { size += 1 + ProtoSize.int32(self.unknownFields_) }
    if self.init_ != 0 { size += 1 + ProtoSize.int32(self.init_) }
    if self.hashValue_ != 0 { size += 1 + ProtoSize.int32(self.hashValue_) }
    if self.description_ != 0 { size += 1 + ProtoSize.int32(self.description_) }
    if self.serializedSize_ != 0 { size += 1 + ProtoSize.int32(self.serializedSize_) }
    if self.leading != 0 { size += 1 + ProtoSize.int32(self.leading) }
    if self.urlPath != 0 { size += 1 + ProtoSize.int32(self.urlPath) }
    if self.is != 0 { size += 1 + ProtoSize.int32(self.is) }
    if self.protocol != 0 { size += 1 + ProtoSize.int32(self.protocol) }
    if self.type_ != 0 { size += 1 + ProtoSize.int32(self.type_) }
    if let v = self.item_ { size += 2 + ProtoSize.message(v) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if self.default != 0 { writer.writeTag(8); writer.writeInt32(self.default) }
    if self.class != 0 { writer.writeTag(16); writer.writeInt32(self.class) }
    if self.self_ != 0 { writer.writeTag(24); writer.writeInt32(self.self_) }
    if self.type != 0 { writer.writeTag(32); writer.writeInt32(self.type) }
    if self.in != 0 { writer.writeTag(40); writer.writeInt32(self.in) }
    if self.unknownFields_ != 0 { writer.writeTag(48); writer.writeInt32(self.unknownFields_) }
    if self.init_ != 0 { writer.writeTag(56); writer.writeInt32(self.init_) }
    if self.hashValue_ != 0 { writer.writeTag(64); writer.writeInt32(self.hashValue_) }
    if self.description_ != 0 { writer.writeTag(72); writer.writeInt32(self.description_) }
    if self.serializedSize_ != 0 { writer.writeTag(80); writer.writeInt32(self.serializedSize_) }
    if self.leading != 0 { writer.writeTag(88); writer.writeInt32(self.leading) }
    if self.urlPath != 0 { writer.writeTag(96); writer.writeInt32(self.urlPath) }
    if self.is != 0 { writer.writeTag(104); writer.writeInt32(self.is) }
    if self.protocol != 0 { writer.writeTag(112); writer.writeInt32(self.protocol) }
    if self.type_ != 0 { writer.writeTag(120); writer.writeInt32(self.type_) }
    if let v = self.item_ { writer.writeTag(130); writer.writeMessage(v) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: self.default = try reader.readInt32()
      case 16: self.class = try reader.readInt32()
      case 24: self.self_ = try reader.readInt32()
      case 32: self.type = try reader.readInt32()
      case 40: self.in = try reader.readInt32()
      case 48: self.unknownFields_ = try reader.readInt32()
      case 56: self.init_ = try reader.readInt32()
      case 64: self.hashValue_ = try reader.readInt32()
      case 72: self.description_ = try reader.readInt32()
      case 80: self.serializedSize_ = try reader.readInt32()
      case 88: self.leading = try reader.readInt32()
      case 96: self.urlPath = try reader.readInt32()
      case 104: self.is = try reader.readInt32()
      case 112: self.protocol = try reader.readInt32()
      case 120: self.type_ = try reader.readInt32()
      case 130:
        if self.item_ == nil { self.item_ = Sluice_Test_Keywords.item() }
        try reader.readMessage(into: &self.item_!)
      default:
        switch tag >> 3 {
        case 1...16: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if self.default != 0 || writer.options.emitDefaultValues {
      writer.writeKey("default", protoName: "default")
      writer.writeInt32(self.default)
    }
    if self.class != 0 || writer.options.emitDefaultValues {
      writer.writeKey("class", protoName: "class")
      writer.writeInt32(self.class)
    }
    if self.self_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("self", protoName: "self")
      writer.writeInt32(self.self_)
    }
    if self.type != 0 || writer.options.emitDefaultValues {
      writer.writeKey("type", protoName: "type")
      writer.writeInt32(self.type)
    }
    if self.in != 0 || writer.options.emitDefaultValues {
      writer.writeKey("in", protoName: "in")
      writer.writeInt32(self.in)
    }
    if self.unknownFields_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("unknownFields", protoName: "unknown_fields")
      writer.writeInt32(self.unknownFields_)
    }
    if self.init_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("init", protoName: "init")
      writer.writeInt32(self.init_)
    }
    if self.hashValue_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("hashValue", protoName: "hash_value")
      writer.writeInt32(self.hashValue_)
    }
    if self.description_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("description", protoName: "description")
      writer.writeInt32(self.description_)
    }
    if self.serializedSize_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("serializedSize", protoName: "serialized_size")
      writer.writeInt32(self.serializedSize_)
    }
    if self.leading != 0 || writer.options.emitDefaultValues {
      writer.writeKey("Leading", protoName: "_leading")
      writer.writeInt32(self.leading)
    }
    if self.urlPath != 0 || writer.options.emitDefaultValues {
      writer.writeKey("URLPath", protoName: "URLPath")
      writer.writeInt32(self.urlPath)
    }
    if self.is != 0 || writer.options.emitDefaultValues {
      writer.writeKey("is", protoName: "is")
      writer.writeInt32(self.is)
    }
    if self.protocol != 0 || writer.options.emitDefaultValues {
      writer.writeKey("protocol", protoName: "protocol")
      writer.writeInt32(self.protocol)
    }
    if self.type_ != 0 || writer.options.emitDefaultValues {
      writer.writeKey("Type", protoName: "Type")
      writer.writeInt32(self.type_)
    }
    if let v = self.item_ { writer.writeKey("item", protoName: "item"); v.encodeJSON(to: &writer) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "default":
        if reader.consumeNull() { self.default = 0 } else { self.default = try reader.readInt32() }
      case "class":
        if reader.consumeNull() { self.class = 0 } else { self.class = try reader.readInt32() }
      case "self":
        if reader.consumeNull() { self.self_ = 0 } else { self.self_ = try reader.readInt32() }
      case "type":
        if reader.consumeNull() { self.type = 0 } else { self.type = try reader.readInt32() }
      case "in":
        if reader.consumeNull() { self.in = 0 } else { self.in = try reader.readInt32() }
      case "unknownFields", "unknown_fields":
        try reader.claimFieldAlias(key == "unknownFields" ? "unknown_fields" : "unknownFields")
        if reader.consumeNull() {
          self.unknownFields_ = 0
        } else {
          self.unknownFields_ = try reader.readInt32()
        }
      case "init":
        if reader.consumeNull() { self.init_ = 0 } else { self.init_ = try reader.readInt32() }
      case "hashValue", "hash_value":
        try reader.claimFieldAlias(key == "hashValue" ? "hash_value" : "hashValue")
        if reader.consumeNull() {
          self.hashValue_ = 0
        } else {
          self.hashValue_ = try reader.readInt32()
        }
      case "description":
        if reader.consumeNull() {
          self.description_ = 0
        } else {
          self.description_ = try reader.readInt32()
        }
      case "serializedSize", "serialized_size":
        try reader.claimFieldAlias(key == "serializedSize" ? "serialized_size" : "serializedSize")
        if reader.consumeNull() {
          self.serializedSize_ = 0
        } else {
          self.serializedSize_ = try reader.readInt32()
        }
      case "Leading", "_leading":
        try reader.claimFieldAlias(key == "Leading" ? "_leading" : "Leading")
        if reader.consumeNull() { self.leading = 0 } else { self.leading = try reader.readInt32() }
      case "URLPath":
        if reader.consumeNull() { self.urlPath = 0 } else { self.urlPath = try reader.readInt32() }
      case "is":
        if reader.consumeNull() { self.is = 0 } else { self.is = try reader.readInt32() }
      case "protocol":
        if reader.consumeNull() {
          self.protocol = 0
        } else {
          self.protocol = try reader.readInt32()
        }
      case "Type":
        if reader.consumeNull() { self.type_ = 0 } else { self.type_ = try reader.readInt32() }
      case "item":
        if reader.consumeNull() {
          self.item_ = nil
        } else {
          if self.item_ == nil { self.item_ = Sluice_Test_Keywords.item() }
          try reader.readMessage(into: &self.item_!)
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

extension Sluice_Test_Keywords.item {
  public func serializedSize() -> Int {
    self.unknownFields.byteCount
  }

  public func encode(to writer: inout ProtoWriter) {
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      try reader.skipField(tag: tag, into: &self.unknownFields)
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      try reader.skipUnknownField(key)
    }
  }
}
