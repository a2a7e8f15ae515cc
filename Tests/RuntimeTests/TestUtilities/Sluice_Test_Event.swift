public import SluiceRuntime

// Hand-written exactly as the emitter generates code (Docs/GeneratedCode.md) for:
//
//   syntax = "proto3";
//   package sluice.test;
//   enum Kind { KIND_UNSPECIFIED = 0; KIND_CLICK = 1; KIND_VIEW = 2; }
//   message Source { string name = 1; int32 version = 2; }
//   message Event {
//     string id = 1;
//     int64 count = 2;
//     repeated string tags = 3;
//     repeated int32 ids = 4;
//     map<string, string> labels = 5;
//     Source source = 6;
//     optional double ratio = 7;
//     Kind kind = 8;
//     oneof payload { string text = 9; bytes binary = 10; Source nested = 11; }
//     bytes blob = 12;
//     Event parent = 13;
//     repeated Event children = 14;
//     repeated Kind kinds = 15;
//     google.protobuf.Timestamp event_time = 16;
//   }

public enum Sluice_Test_Kind: ProtoEnum {
  case unspecified  // KIND_UNSPECIFIED = 0
  case click  // KIND_CLICK = 1
  case view  // KIND_VIEW = 2
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Kind"
  public static let knownCases: [Self] = [.unspecified, .click, .view]

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .click
    case 2: self = .view
    default: self = .unrecognized(rawValue)
    }
  }
  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .click: 1
    case .view: 2
    case .unrecognized(let v): v
    }
  }
  public var protoName: String? {
    switch self {
    case .unspecified: "KIND_UNSPECIFIED"
    case .click: "KIND_CLICK"
    case .view: "KIND_VIEW"
    case .unrecognized: nil
    }
  }
  public init?(protoName: String) {
    switch protoName {
    case "KIND_UNSPECIFIED": self = .unspecified
    case "KIND_CLICK": self = .click
    case "KIND_VIEW": self = .view
    default: return nil
    }
  }
  public init() { self = .unspecified }
}

public struct Sluice_Test_Source: ProtoMessage {
  public static let protoMessageName = "sluice.test.Source"
  public var name: String = ""
  public var version: Int32 = 0
  public var unknownFields = UnknownFields()

  public init() {}

  public func serializedSize() -> Int {
    var size = 0
    if !name.isEmpty { size += 1 + ProtoSize.string(name) }
    if version != 0 { size += 1 + ProtoSize.int32(version) }
    size += unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !name.isEmpty { writer.writeTag(10); writer.writeString(name) }
    if version != 0 { writer.writeTag(16); writer.writeInt32(version) }
    writer.writeUnknownFields(unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: name = try reader.readString()
      case 16: version = try reader.readInt32()
      default:
        switch tag >> 3 {
        case 1, 2: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !name.isEmpty || writer.options.emitDefaultValues { writer.writeKey("name", protoName: "name"); writer.writeString(name) }
    if version != 0 || writer.options.emitDefaultValues { writer.writeKey("version", protoName: "version"); writer.writeInt32(version) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "name": if reader.consumeNull() { name = "" } else { name = try reader.readString() }
      case "version": if reader.consumeNull() { version = 0 } else { version = try reader.readInt32() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

public struct Sluice_Test_Event: ProtoMessage {
  public static let protoMessageName = "sluice.test.Event"
  public var id: String = ""
  public var count: Int64 = 0
  public var tags: [String] = []
  public var ids: [Int32] = []
  public var labels: [String: String] = [:]
  public var source: Sluice_Test_Source? = nil
  public var ratio: Double? = nil
  public var kind: Sluice_Test_Kind = .init(rawValue: 0)
  public var payload: OneOf_Payload? = nil
  public var blob: [UInt8] = []
  @ProtoIndirect public var parent: Sluice_Test_Event? = nil
  public var children: [Sluice_Test_Event] = []
  public var kinds: [Sluice_Test_Kind] = []
  public var eventTime: Google_Protobuf_Timestamp? = nil
  public var unknownFields = UnknownFields()

  public enum OneOf_Payload: Hashable, Sendable {
    case text(String)
    case binary([UInt8])
    case nested(Sluice_Test_Source)
  }

  public init() {}

  public func serializedSize() -> Int {
    var size = 0
    if !id.isEmpty { size += 1 + ProtoSize.string(id) }
    if count != 0 { size += 1 + ProtoSize.int64(count) }
    for v in tags { size += 1 + ProtoSize.string(v) }
    if !ids.isEmpty { let n = ProtoSize.packedInt32(ids); size += 1 + ProtoSize.varint(UInt64(n)) + n }
    for (k, v) in labels { let n = 1 + ProtoSize.string(k) + 1 + ProtoSize.string(v); size += 1 + ProtoSize.varint(UInt64(n)) + n }
    if let v = source { size += 1 + ProtoSize.message(v) }
    if ratio != nil { size += 1 + 8 }
    if kind.rawValue != 0 { size += 1 + ProtoSize.enumValue(kind) }
    switch payload {
    case .text(let v): size += 1 + ProtoSize.string(v)
    case .binary(let v): size += 1 + ProtoSize.bytes(v)
    case .nested(let v): size += 1 + ProtoSize.message(v)
    case nil: break
    }
    if !blob.isEmpty { size += 1 + ProtoSize.bytes(blob) }
    if let v = parent { size += 1 + ProtoSize.message(v) }
    for v in children { size += 1 + ProtoSize.message(v) }
    if !kinds.isEmpty { let n = ProtoSize.packedEnum(kinds); size += 1 + ProtoSize.varint(UInt64(n)) + n }
    if let v = eventTime { size += 2 + ProtoSize.message(v) }
    size += unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !id.isEmpty { writer.writeTag(10); writer.writeString(id) }
    if count != 0 { writer.writeTag(16); writer.writeInt64(count) }
    for v in tags { writer.writeTag(26); writer.writeString(v) }
    if !ids.isEmpty { writer.writeTag(34); writer.writeVarint(UInt64(ProtoSize.packedInt32(ids))); for v in ids { writer.writeInt32(v) } }
    for (k, v) in labels { writer.writeTag(42); writer.writeVarint(UInt64(1 + ProtoSize.string(k) + 1 + ProtoSize.string(v))); writer.writeTag(10); writer.writeString(k); writer.writeTag(18); writer.writeString(v) }
    if let v = source { writer.writeTag(50); writer.writeMessage(v) }
    if let v = ratio { writer.writeTag(57); writer.writeDouble(v) }
    if kind.rawValue != 0 { writer.writeTag(64); writer.writeEnum(kind) }
    switch payload {
    case .text(let v): writer.writeTag(74); writer.writeString(v)
    case .binary(let v): writer.writeTag(82); writer.writeBytes(v)
    case .nested(let v): writer.writeTag(90); writer.writeMessage(v)
    case nil: break
    }
    if !blob.isEmpty { writer.writeTag(98); writer.writeBytes(blob) }
    if let v = parent { writer.writeTag(106); writer.writeMessage(v) }
    for v in children { writer.writeTag(114); writer.writeMessage(v) }
    if !kinds.isEmpty { writer.writeTag(122); writer.writeVarint(UInt64(ProtoSize.packedEnum(kinds))); for v in kinds { writer.writeEnum(v) } }
    if let v = eventTime { writer.writeTag(130); writer.writeMessage(v) }
    writer.writeUnknownFields(unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: id = try reader.readString()
      case 16: count = try reader.readInt64()
      case 26: tags.append(try reader.readString())
      case 32: ids.append(try reader.readInt32())
      case 34: try reader.readPackedInt32(into: &ids)
      case 42:
        var entry = try reader.beginNested()
        var k = ""; var v = ""
        while let t = try entry.readTag() {
          switch t {
          case 10: k = try entry.readString()
          case 18: v = try entry.readString()
          default: try entry.skipField(tag: t)
          }
        }
        labels[k] = v
      case 50: var m = source ?? Sluice_Test_Source(); try reader.readMessage(into: &m); source = m
      case 57: ratio = try reader.readDouble()
      case 64: kind = try reader.readEnum()
      case 74: payload = .text(try reader.readString())
      case 82: payload = .binary(try reader.readBytes())
      case 90:
        var m = Sluice_Test_Source()
        if case .nested(let existing) = payload { m = existing }
        try reader.readMessage(into: &m)
        payload = .nested(m)
      case 98: blob = try reader.readBytes()
      case 106: var m = parent ?? Sluice_Test_Event(); try reader.readMessage(into: &m); parent = m
      case 114: var m = Sluice_Test_Event(); try reader.readMessage(into: &m); children.append(m)
      case 120: kinds.append(try reader.readEnum())
      case 122: try reader.readPackedEnum(into: &kinds)
      case 130: var m = eventTime ?? Google_Protobuf_Timestamp(); try reader.readMessage(into: &m); eventTime = m
      default:
        switch tag >> 3 {
        case 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16:
          throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !id.isEmpty || writer.options.emitDefaultValues { writer.writeKey("id", protoName: "id"); writer.writeString(id) }
    if count != 0 || writer.options.emitDefaultValues { writer.writeKey("count", protoName: "count"); writer.writeInt64(count) }
    if !tags.isEmpty || writer.options.emitDefaultValues { writer.writeKey("tags", protoName: "tags"); writer.beginArray(); for v in tags { writer.writeString(v) }; writer.endArray() }
    if !ids.isEmpty || writer.options.emitDefaultValues { writer.writeKey("ids", protoName: "ids"); writer.beginArray(); for v in ids { writer.writeInt32(v) }; writer.endArray() }
    if !labels.isEmpty || writer.options.emitDefaultValues { writer.writeKey("labels", protoName: "labels"); writer.beginObject(); for (k, v) in labels { writer.writeMapKey(k); writer.writeString(v) }; writer.endObject() }
    if let v = source { writer.writeKey("source", protoName: "source"); v.encodeJSON(to: &writer) }
    if let v = ratio { writer.writeKey("ratio", protoName: "ratio"); writer.writeDouble(v) }
    if kind.rawValue != 0 || writer.options.emitDefaultValues { writer.writeKey("kind", protoName: "kind"); writer.writeEnum(kind) }
    if let v = payload {
      switch v {
      case .text(let x): writer.writeKey("text", protoName: "text"); writer.writeString(x)
      case .binary(let x): writer.writeKey("binary", protoName: "binary"); writer.writeBytes(x)
      case .nested(let x): writer.writeKey("nested", protoName: "nested"); x.encodeJSON(to: &writer)
      }
    }
    if !blob.isEmpty || writer.options.emitDefaultValues { writer.writeKey("blob", protoName: "blob"); writer.writeBytes(blob) }
    if let v = parent { writer.writeKey("parent", protoName: "parent"); v.encodeJSON(to: &writer) }
    if !children.isEmpty || writer.options.emitDefaultValues { writer.writeKey("children", protoName: "children"); writer.beginArray(); for v in children { v.encodeJSON(to: &writer) }; writer.endArray() }
    if !kinds.isEmpty || writer.options.emitDefaultValues { writer.writeKey("kinds", protoName: "kinds"); writer.beginArray(); for v in kinds { writer.writeEnum(v) }; writer.endArray() }
    if let v = eventTime { writer.writeKey("eventTime", protoName: "event_time"); v.encodeJSON(to: &writer) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "id": if reader.consumeNull() { id = "" } else { id = try reader.readString() }
      case "count": if reader.consumeNull() { count = 0 } else { count = try reader.readInt64() }
      case "tags": tags = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { tags.append(try reader.readString()) } }
      case "ids": ids = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { ids.append(try reader.readInt32()) } }
      case "labels": if !reader.consumeNull() { try reader.beginObject(); while let k = try reader.nextKey() { labels[reader.mapKeyString(k)] = try reader.readString() } }
      case "source": if reader.consumeNull() { source = nil } else { var m = source ?? .init(); try reader.readMessage(into: &m); source = m }
      case "ratio": if reader.consumeNull() { ratio = nil } else { ratio = try reader.readDouble() }
      case "kind": if reader.consumeNull() { kind = .init() } else if let e: Sluice_Test_Kind = try reader.readEnum() { kind = e }
      case "text": if reader.consumeNull() { payload = nil } else { payload = .text(try reader.readString()) }
      case "binary": if reader.consumeNull() { payload = nil } else { payload = .binary(try reader.readBytes()) }
      case "nested":
        if reader.consumeNull() { payload = nil } else {
          var m = Sluice_Test_Source()
          if case .nested(let existing) = payload { m = existing }
          try reader.readMessage(into: &m)
          payload = .nested(m)
        }
      case "blob": if reader.consumeNull() { blob = [] } else { blob = try reader.readBytes() }
      case "parent": if reader.consumeNull() { parent = nil } else { var m = parent ?? .init(); try reader.readMessage(into: &m); parent = m }
      case "children": children = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { var m = Sluice_Test_Event(); try reader.readMessage(into: &m); children.append(m) } }
      case "kinds": kinds = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { if let e: Sluice_Test_Kind = try reader.readEnum() { kinds.append(e) } } }
      case "eventTime", "event_time": if reader.consumeNull() { eventTime = nil } else { var m = eventTime ?? .init(); try reader.readMessage(into: &m); eventTime = m }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
