public import SluiceRuntime

// Messages of `echo/v1/echo.proto`, written by hand the way the generator writes them
// (Docs/GeneratedCode.md). A request tells the test service what to do, in the manner of
// a control service:
//
//   message EchoRequest {
//     string text = 1;          // echoed back
//     int32 count = 2;          // Expand: how many responses
//     int32 delay_ms = 3;       // sleep before each response
//     int32 fail_code = 4;      // non-zero: fail with this status code
//     string fail_message = 5;
//   }
//   message EchoResponse { string text = 1; int32 index = 2; }

public struct Echo_V1_EchoRequest: ProtoMessage {
  public static let protoMessageName = "echo.v1.EchoRequest"
  public var text: String = ""
  public var count: Int32 = 0
  public var delayMs: Int32 = 0
  public var failCode: Int32 = 0
  public var failMessage: String = ""
  public var unknownFields = UnknownFields()

  public init() {}

  public init(text: String, count: Int32 = 0, delayMs: Int32 = 0, failCode: Int32 = 0, failMessage: String = "") {
    self.text = text
    self.count = count
    self.delayMs = delayMs
    self.failCode = failCode
    self.failMessage = failMessage
  }

  public func serializedSize() -> Int {
    var size = 0
    if !text.isEmpty { size += 1 + ProtoSize.string(text) }
    if count != 0 { size += 1 + ProtoSize.int32(count) }
    if delayMs != 0 { size += 1 + ProtoSize.int32(delayMs) }
    if failCode != 0 { size += 1 + ProtoSize.int32(failCode) }
    if !failMessage.isEmpty { size += 1 + ProtoSize.string(failMessage) }
    size += unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !text.isEmpty { writer.writeTag(10); writer.writeString(text) }
    if count != 0 { writer.writeTag(16); writer.writeInt32(count) }
    if delayMs != 0 { writer.writeTag(24); writer.writeInt32(delayMs) }
    if failCode != 0 { writer.writeTag(32); writer.writeInt32(failCode) }
    if !failMessage.isEmpty { writer.writeTag(42); writer.writeString(failMessage) }
    writer.writeUnknownFields(unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: text = try reader.readString()
      case 16: count = try reader.readInt32()
      case 24: delayMs = try reader.readInt32()
      case 32: failCode = try reader.readInt32()
      case 42: failMessage = try reader.readString()
      default:
        switch tag >> 3 {
        case 1, 2, 3, 4, 5: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !text.isEmpty || writer.options.emitDefaultValues { writer.writeKey("text", protoName: "text"); writer.writeString(text) }
    if count != 0 || writer.options.emitDefaultValues { writer.writeKey("count", protoName: "count"); writer.writeInt32(count) }
    if delayMs != 0 || writer.options.emitDefaultValues { writer.writeKey("delayMs", protoName: "delay_ms"); writer.writeInt32(delayMs) }
    if failCode != 0 || writer.options.emitDefaultValues { writer.writeKey("failCode", protoName: "fail_code"); writer.writeInt32(failCode) }
    if !failMessage.isEmpty || writer.options.emitDefaultValues { writer.writeKey("failMessage", protoName: "fail_message"); writer.writeString(failMessage) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "text": if reader.consumeNull() { text = "" } else { text = try reader.readString() }
      case "count": if reader.consumeNull() { count = 0 } else { count = try reader.readInt32() }
      case "delayMs", "delay_ms": if reader.consumeNull() { delayMs = 0 } else { delayMs = try reader.readInt32() }
      case "failCode", "fail_code": if reader.consumeNull() { failCode = 0 } else { failCode = try reader.readInt32() }
      case "failMessage", "fail_message": if reader.consumeNull() { failMessage = "" } else { failMessage = try reader.readString() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

public struct Echo_V1_EchoResponse: ProtoMessage {
  public static let protoMessageName = "echo.v1.EchoResponse"
  public var text: String = ""
  public var index: Int32 = 0
  public var unknownFields = UnknownFields()

  public init() {}

  public init(text: String, index: Int32 = 0) {
    self.text = text
    self.index = index
  }

  public func serializedSize() -> Int {
    var size = 0
    if !text.isEmpty { size += 1 + ProtoSize.string(text) }
    if index != 0 { size += 1 + ProtoSize.int32(index) }
    size += unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !text.isEmpty { writer.writeTag(10); writer.writeString(text) }
    if index != 0 { writer.writeTag(16); writer.writeInt32(index) }
    writer.writeUnknownFields(unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: text = try reader.readString()
      case 16: index = try reader.readInt32()
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
    if !text.isEmpty || writer.options.emitDefaultValues { writer.writeKey("text", protoName: "text"); writer.writeString(text) }
    if index != 0 || writer.options.emitDefaultValues { writer.writeKey("index", protoName: "index"); writer.writeInt32(index) }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "text": if reader.consumeNull() { text = "" } else { text = try reader.readString() }
      case "index": if reader.consumeNull() { index = 0 } else { index = try reader.readInt32() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}

/// Reflection data of `echo/v1/echo.proto` (the tests need no real descriptor bytes).
public enum Echo_V1_Echo_ProtoFile {
  /// `FileDescriptorProto` bytes of this file.
  public static let descriptorBytes: [UInt8] = [0x0a, 0x12]
}
