public import SluiceRuntime

// Hand-written as the emitter generates code, for:
//
//   message Scalars {
//     double f_double = 1;  float f_float = 2;  int32 f_int32 = 3;  int64 f_int64 = 4;
//     uint32 f_uint32 = 5;  uint64 f_uint64 = 6;  sint32 f_sint32 = 7;  sint64 f_sint64 = 8;
//     fixed32 f_fixed32 = 9;  fixed64 f_fixed64 = 10;  sfixed32 f_sfixed32 = 11;
//     sfixed64 f_sfixed64 = 12;  bool f_bool = 13;  string f_string = 14;  bytes f_bytes = 15;
//     repeated double r_double = 16;  repeated sint64 r_sint64 = 17;
//     map<int32, string> m_int32 = 18;  map<bool, int64> m_bool = 19;
//     google.protobuf.Any any = 20;  google.protobuf.Value value = 21;
//     google.protobuf.Int32Value wrapped = 22;  repeated fixed32 r_fixed32 = 23;
//     map<uint64, Source> m_source = 24;  google.protobuf.Duration duration = 25;
//     google.protobuf.Struct struct = 26;  google.protobuf.FieldMask mask = 27;
//     repeated bool r_bool = 28;
//   }

public struct Sluice_Test_Scalars: ProtoMessage {
  public static let protoMessageName = "sluice.test.Scalars"
  public var fDouble: Double = 0
  public var fFloat: Float = 0
  public var fInt32: Int32 = 0
  public var fInt64: Int64 = 0
  public var fUint32: UInt32 = 0
  public var fUint64: UInt64 = 0
  public var fSint32: Int32 = 0
  public var fSint64: Int64 = 0
  public var fFixed32: UInt32 = 0
  public var fFixed64: UInt64 = 0
  public var fSfixed32: Int32 = 0
  public var fSfixed64: Int64 = 0
  public var fBool: Bool = false
  public var fString: String = ""
  public var fBytes: [UInt8] = []
  public var rDouble: [Double] = []
  public var rSint64: [Int64] = []
  public var mInt32: [Int32: String] = [:]
  public var mBool: [Bool: Int64] = [:]
  public var any: Google_Protobuf_Any? = nil
  public var value: Google_Protobuf_Value? = nil
  public var wrapped: Google_Protobuf_Int32Value? = nil
  public var rFixed32: [UInt32] = []
  public var mSource: [UInt64: Sluice_Test_Source] = [:]
  public var duration: Google_Protobuf_Duration? = nil
  public var `struct`: Google_Protobuf_Struct? = nil
  public var mask: Google_Protobuf_FieldMask? = nil
  public var rBool: [Bool] = []
  public var unknownFields = UnknownFields()

  public init() {}

  public func serializedSize() -> Int {
    var size = 0
    if fDouble.bitPattern != 0 { size += 1 + 8 }
    if fFloat.bitPattern != 0 { size += 1 + 4 }
    if fInt32 != 0 { size += 1 + ProtoSize.int32(fInt32) }
    if fInt64 != 0 { size += 1 + ProtoSize.int64(fInt64) }
    if fUint32 != 0 { size += 1 + ProtoSize.uint32(fUint32) }
    if fUint64 != 0 { size += 1 + ProtoSize.uint64(fUint64) }
    if fSint32 != 0 { size += 1 + ProtoSize.sint32(fSint32) }
    if fSint64 != 0 { size += 1 + ProtoSize.sint64(fSint64) }
    if fFixed32 != 0 { size += 1 + 4 }
    if fFixed64 != 0 { size += 1 + 8 }
    if fSfixed32 != 0 { size += 1 + 4 }
    if fSfixed64 != 0 { size += 1 + 8 }
    if fBool { size += 1 + 1 }
    if !fString.isEmpty { size += 1 + ProtoSize.string(fString) }
    if !fBytes.isEmpty { size += 1 + ProtoSize.bytes(fBytes) }
    if !rDouble.isEmpty { let n = rDouble.count * 8; size += 2 + ProtoSize.varint(UInt64(n)) + n }
    if !rSint64.isEmpty { let n = ProtoSize.packedSInt64(rSint64); size += 2 + ProtoSize.varint(UInt64(n)) + n }
    for (k, v) in mInt32 { let n = 1 + ProtoSize.int32(k) + 1 + ProtoSize.string(v); size += 2 + ProtoSize.varint(UInt64(n)) + n }
    for (k, v) in mBool { let n = 1 + ProtoSize.bool(k) + 1 + ProtoSize.int64(v); size += 2 + ProtoSize.varint(UInt64(n)) + n }
    if let v = any { size += 2 + ProtoSize.message(v) }
    if let v = value { size += 2 + ProtoSize.message(v) }
    if let v = wrapped { size += 2 + ProtoSize.message(v) }
    if !rFixed32.isEmpty { let n = rFixed32.count * 4; size += 2 + ProtoSize.varint(UInt64(n)) + n }
    for (k, v) in mSource { let n = 1 + ProtoSize.uint64(k) + 1 + ProtoSize.message(v); size += 2 + ProtoSize.varint(UInt64(n)) + n }
    if let v = duration { size += 2 + ProtoSize.message(v) }
    if let v = `struct` { size += 2 + ProtoSize.message(v) }
    if let v = mask { size += 2 + ProtoSize.message(v) }
    if !rBool.isEmpty { let n = ProtoSize.packedBool(rBool); size += 2 + ProtoSize.varint(UInt64(n)) + n }
    size += unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if fDouble.bitPattern != 0 { writer.writeTag(9); writer.writeDouble(fDouble) }
    if fFloat.bitPattern != 0 { writer.writeTag(21); writer.writeFloat(fFloat) }
    if fInt32 != 0 { writer.writeTag(24); writer.writeInt32(fInt32) }
    if fInt64 != 0 { writer.writeTag(32); writer.writeInt64(fInt64) }
    if fUint32 != 0 { writer.writeTag(40); writer.writeUInt32(fUint32) }
    if fUint64 != 0 { writer.writeTag(48); writer.writeUInt64(fUint64) }
    if fSint32 != 0 { writer.writeTag(56); writer.writeSInt32(fSint32) }
    if fSint64 != 0 { writer.writeTag(64); writer.writeSInt64(fSint64) }
    if fFixed32 != 0 { writer.writeTag(77); writer.writeFixed32(fFixed32) }
    if fFixed64 != 0 { writer.writeTag(81); writer.writeFixed64(fFixed64) }
    if fSfixed32 != 0 { writer.writeTag(93); writer.writeSFixed32(fSfixed32) }
    if fSfixed64 != 0 { writer.writeTag(97); writer.writeSFixed64(fSfixed64) }
    if fBool { writer.writeTag(104); writer.writeBool(fBool) }
    if !fString.isEmpty { writer.writeTag(114); writer.writeString(fString) }
    if !fBytes.isEmpty { writer.writeTag(122); writer.writeBytes(fBytes) }
    if !rDouble.isEmpty { writer.writeTag(130); writer.writeVarint(UInt64(rDouble.count * 8)); for v in rDouble { writer.writeDouble(v) } }
    if !rSint64.isEmpty { writer.writeTag(138); writer.writeVarint(UInt64(ProtoSize.packedSInt64(rSint64))); for v in rSint64 { writer.writeSInt64(v) } }
    for (k, v) in mInt32 { writer.writeTag(146); writer.writeVarint(UInt64(1 + ProtoSize.int32(k) + 1 + ProtoSize.string(v))); writer.writeTag(8); writer.writeInt32(k); writer.writeTag(18); writer.writeString(v) }
    for (k, v) in mBool { writer.writeTag(154); writer.writeVarint(UInt64(1 + ProtoSize.bool(k) + 1 + ProtoSize.int64(v))); writer.writeTag(8); writer.writeBool(k); writer.writeTag(16); writer.writeInt64(v) }
    if let v = any { writer.writeTag(162); writer.writeMessage(v) }
    if let v = value { writer.writeTag(170); writer.writeMessage(v) }
    if let v = wrapped { writer.writeTag(178); writer.writeMessage(v) }
    if !rFixed32.isEmpty { writer.writeTag(186); writer.writeVarint(UInt64(rFixed32.count * 4)); for v in rFixed32 { writer.writeFixed32(v) } }
    for (k, v) in mSource { writer.writeTag(194); writer.writeVarint(UInt64(1 + ProtoSize.uint64(k) + 1 + ProtoSize.message(v))); writer.writeTag(8); writer.writeUInt64(k); writer.writeTag(18); writer.writeMessage(v) }
    if let v = duration { writer.writeTag(202); writer.writeMessage(v) }
    if let v = `struct` { writer.writeTag(210); writer.writeMessage(v) }
    if let v = mask { writer.writeTag(218); writer.writeMessage(v) }
    if !rBool.isEmpty { writer.writeTag(226); writer.writeVarint(UInt64(ProtoSize.packedBool(rBool))); for v in rBool { writer.writeBool(v) } }
    writer.writeUnknownFields(unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 9: fDouble = try reader.readDouble()
      case 21: fFloat = try reader.readFloat()
      case 24: fInt32 = try reader.readInt32()
      case 32: fInt64 = try reader.readInt64()
      case 40: fUint32 = try reader.readUInt32()
      case 48: fUint64 = try reader.readUInt64()
      case 56: fSint32 = try reader.readSInt32()
      case 64: fSint64 = try reader.readSInt64()
      case 77: fFixed32 = try reader.readFixed32()
      case 81: fFixed64 = try reader.readFixed64()
      case 93: fSfixed32 = try reader.readSFixed32()
      case 97: fSfixed64 = try reader.readSFixed64()
      case 104: fBool = try reader.readBool()
      case 114: fString = try reader.readString()
      case 122: fBytes = try reader.readBytes()
      case 129: rDouble.append(try reader.readDouble())
      case 130: try reader.readPackedDouble(into: &rDouble)
      case 136: rSint64.append(try reader.readSInt64())
      case 138: try reader.readPackedSInt64(into: &rSint64)
      case 146:
        var entry = try reader.beginNested()
        var k: Int32 = 0; var v = ""
        while let t = try entry.readTag() {
          switch t {
          case 8: k = try entry.readInt32()
          case 18: v = try entry.readString()
          default: try entry.skipField(tag: t)
          }
        }
        mInt32[k] = v
      case 154:
        var entry = try reader.beginNested()
        var k = false; var v: Int64 = 0
        while let t = try entry.readTag() {
          switch t {
          case 8: k = try entry.readBool()
          case 16: v = try entry.readInt64()
          default: try entry.skipField(tag: t)
          }
        }
        mBool[k] = v
      case 162: var m = any ?? Google_Protobuf_Any(); try reader.readMessage(into: &m); any = m
      case 170: var m = value ?? Google_Protobuf_Value(); try reader.readMessage(into: &m); value = m
      case 178: var m = wrapped ?? Google_Protobuf_Int32Value(); try reader.readMessage(into: &m); wrapped = m
      case 189: rFixed32.append(try reader.readFixed32())
      case 186: try reader.readPackedFixed32(into: &rFixed32)
      case 194:
        var entry = try reader.beginNested()
        var k: UInt64 = 0; var v = Sluice_Test_Source()
        while let t = try entry.readTag() {
          switch t {
          case 8: k = try entry.readUInt64()
          case 18: try entry.readMessage(into: &v)
          default: try entry.skipField(tag: t)
          }
        }
        mSource[k] = v
      case 202: var m = duration ?? Google_Protobuf_Duration(); try reader.readMessage(into: &m); duration = m
      case 210: var m = `struct` ?? Google_Protobuf_Struct(); try reader.readMessage(into: &m); `struct` = m
      case 218: var m = mask ?? Google_Protobuf_FieldMask(); try reader.readMessage(into: &m); mask = m
      case 224: rBool.append(try reader.readBool())
      case 226: try reader.readPackedBool(into: &rBool)
      default:
        switch tag >> 3 {
        case 1...28: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    let all = writer.options.emitDefaultValues
    writer.beginObject()
    if fDouble.bitPattern != 0 || all { writer.writeKey("fDouble", protoName: "f_double"); writer.writeDouble(fDouble) }
    if fFloat.bitPattern != 0 || all { writer.writeKey("fFloat", protoName: "f_float"); writer.writeFloat(fFloat) }
    if fInt32 != 0 || all { writer.writeKey("fInt32", protoName: "f_int32"); writer.writeInt32(fInt32) }
    if fInt64 != 0 || all { writer.writeKey("fInt64", protoName: "f_int64"); writer.writeInt64(fInt64) }
    if fUint32 != 0 || all { writer.writeKey("fUint32", protoName: "f_uint32"); writer.writeUInt32(fUint32) }
    if fUint64 != 0 || all { writer.writeKey("fUint64", protoName: "f_uint64"); writer.writeUInt64(fUint64) }
    if fSint32 != 0 || all { writer.writeKey("fSint32", protoName: "f_sint32"); writer.writeInt32(fSint32) }
    if fSint64 != 0 || all { writer.writeKey("fSint64", protoName: "f_sint64"); writer.writeInt64(fSint64) }
    if fFixed32 != 0 || all { writer.writeKey("fFixed32", protoName: "f_fixed32"); writer.writeUInt32(fFixed32) }
    if fFixed64 != 0 || all { writer.writeKey("fFixed64", protoName: "f_fixed64"); writer.writeUInt64(fFixed64) }
    if fSfixed32 != 0 || all { writer.writeKey("fSfixed32", protoName: "f_sfixed32"); writer.writeInt32(fSfixed32) }
    if fSfixed64 != 0 || all { writer.writeKey("fSfixed64", protoName: "f_sfixed64"); writer.writeInt64(fSfixed64) }
    if fBool || all { writer.writeKey("fBool", protoName: "f_bool"); writer.writeBool(fBool) }
    if !fString.isEmpty || all { writer.writeKey("fString", protoName: "f_string"); writer.writeString(fString) }
    if !fBytes.isEmpty || all { writer.writeKey("fBytes", protoName: "f_bytes"); writer.writeBytes(fBytes) }
    if !rDouble.isEmpty || all { writer.writeKey("rDouble", protoName: "r_double"); writer.beginArray(); for v in rDouble { writer.writeDouble(v) }; writer.endArray() }
    if !rSint64.isEmpty || all { writer.writeKey("rSint64", protoName: "r_sint64"); writer.beginArray(); for v in rSint64 { writer.writeInt64(v) }; writer.endArray() }
    if !mInt32.isEmpty || all { writer.writeKey("mInt32", protoName: "m_int32"); writer.beginObject(); for (k, v) in mInt32 { writer.writeMapKey(k); writer.writeString(v) }; writer.endObject() }
    if !mBool.isEmpty || all { writer.writeKey("mBool", protoName: "m_bool"); writer.beginObject(); for (k, v) in mBool { writer.writeMapKey(k); writer.writeInt64(v) }; writer.endObject() }
    if let v = any { writer.writeKey("any", protoName: "any"); v.encodeJSON(to: &writer) }
    if let v = value { writer.writeKey("value", protoName: "value"); v.encodeJSON(to: &writer) }
    if let v = wrapped { writer.writeKey("wrapped", protoName: "wrapped"); v.encodeJSON(to: &writer) }
    if !rFixed32.isEmpty || all { writer.writeKey("rFixed32", protoName: "r_fixed32"); writer.beginArray(); for v in rFixed32 { writer.writeUInt32(v) }; writer.endArray() }
    if !mSource.isEmpty || all { writer.writeKey("mSource", protoName: "m_source"); writer.beginObject(); for (k, v) in mSource { writer.writeMapKey(k); v.encodeJSON(to: &writer) }; writer.endObject() }
    if let v = duration { writer.writeKey("duration", protoName: "duration"); v.encodeJSON(to: &writer) }
    if let v = `struct` { writer.writeKey("struct", protoName: "struct"); v.encodeJSON(to: &writer) }
    if let v = mask { writer.writeKey("mask", protoName: "mask"); v.encodeJSON(to: &writer) }
    if !rBool.isEmpty || all { writer.writeKey("rBool", protoName: "r_bool"); writer.beginArray(); for v in rBool { writer.writeBool(v) }; writer.endArray() }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "fDouble", "f_double": if reader.consumeNull() { fDouble = 0 } else { fDouble = try reader.readDouble() }
      case "fFloat", "f_float": if reader.consumeNull() { fFloat = 0 } else { fFloat = try reader.readFloat() }
      case "fInt32", "f_int32": if reader.consumeNull() { fInt32 = 0 } else { fInt32 = try reader.readInt32() }
      case "fInt64", "f_int64": if reader.consumeNull() { fInt64 = 0 } else { fInt64 = try reader.readInt64() }
      case "fUint32", "f_uint32": if reader.consumeNull() { fUint32 = 0 } else { fUint32 = try reader.readUInt32() }
      case "fUint64", "f_uint64": if reader.consumeNull() { fUint64 = 0 } else { fUint64 = try reader.readUInt64() }
      case "fSint32", "f_sint32": if reader.consumeNull() { fSint32 = 0 } else { fSint32 = try reader.readInt32() }
      case "fSint64", "f_sint64": if reader.consumeNull() { fSint64 = 0 } else { fSint64 = try reader.readInt64() }
      case "fFixed32", "f_fixed32": if reader.consumeNull() { fFixed32 = 0 } else { fFixed32 = try reader.readUInt32() }
      case "fFixed64", "f_fixed64": if reader.consumeNull() { fFixed64 = 0 } else { fFixed64 = try reader.readUInt64() }
      case "fSfixed32", "f_sfixed32": if reader.consumeNull() { fSfixed32 = 0 } else { fSfixed32 = try reader.readInt32() }
      case "fSfixed64", "f_sfixed64": if reader.consumeNull() { fSfixed64 = 0 } else { fSfixed64 = try reader.readInt64() }
      case "fBool", "f_bool": if reader.consumeNull() { fBool = false } else { fBool = try reader.readBool() }
      case "fString", "f_string": if reader.consumeNull() { fString = "" } else { fString = try reader.readString() }
      case "fBytes", "f_bytes": if reader.consumeNull() { fBytes = [] } else { fBytes = try reader.readBytes() }
      case "rDouble", "r_double": rDouble = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { rDouble.append(try reader.readDouble()) } }
      case "rSint64", "r_sint64": rSint64 = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { rSint64.append(try reader.readInt64()) } }
      case "mInt32", "m_int32": if !reader.consumeNull() { try reader.beginObject(); while let k = try reader.nextKey() { mInt32[try reader.mapKeyInt32(k)] = try reader.readString() } }
      case "mBool", "m_bool": if !reader.consumeNull() { try reader.beginObject(); while let k = try reader.nextKey() { mBool[try reader.mapKeyBool(k)] = try reader.readInt64() } }
      case "any": if reader.consumeNull() { any = nil } else { var m = any ?? .init(); try reader.readMessage(into: &m); any = m }
      case "value": var m = value ?? .init(); try reader.readMessage(into: &m); value = m
      case "wrapped": if reader.consumeNull() { wrapped = nil } else { var m = wrapped ?? .init(); try reader.readMessage(into: &m); wrapped = m }
      case "rFixed32", "r_fixed32": rFixed32 = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { rFixed32.append(try reader.readUInt32()) } }
      case "mSource", "m_source": if !reader.consumeNull() { try reader.beginObject(); while let k = try reader.nextKey() { var m = Sluice_Test_Source(); try reader.readMessage(into: &m); mSource[try reader.mapKeyUInt64(k)] = m } }
      case "duration": if reader.consumeNull() { duration = nil } else { var m = duration ?? .init(); try reader.readMessage(into: &m); duration = m }
      case "struct": if reader.consumeNull() { `struct` = nil } else { var m = `struct` ?? .init(); try reader.readMessage(into: &m); `struct` = m }
      case "mask": if reader.consumeNull() { mask = nil } else { var m = mask ?? .init(); try reader.readMessage(into: &m); mask = m }
      case "rBool", "r_bool": rBool = []; if !reader.consumeNull() { try reader.beginArray(); while try reader.nextArrayElement() { rBool.append(try reader.readBool()) } }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
