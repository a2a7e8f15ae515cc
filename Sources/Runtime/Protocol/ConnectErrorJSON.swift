/// The Connect protocol's JSON `Error`:
/// `{"code":"invalid_argument","message":"...","details":[{"type":"...","value":"..."}]}`
/// (`message` and `details` omitted when empty; detail values unpadded base64).
public enum ConnectErrorJSON {
  /// The JSON text of `error`. A detail whose type `options.typeRegistry` knows also gets
  /// a `debug` member holding the detail as JSON, for people reading the wire.
  public static func encode(_ error: RPCError, options: JSONEncodingOptions = .init()) -> [UInt8] {
    var writer = JSONWriter(options: options)
    write(error, to: &writer)
    return writer.bytes
  }

  /// Writes the error object.
  static func write(_ error: RPCError, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.writeKey("code")
    writer.writeString(error.code.connectCode)
    if !error.message.isEmpty {
      writer.writeKey("message")
      writer.writeString(error.message)
    }
    if !error.details.isEmpty {
      writer.writeKey("details")
      writer.beginArray()
      for detail in error.details {
        writer.beginObject()
        writer.writeKey("type")
        writer.writeString(detail.typeName)
        writer.writeKey("value")
        writer.writeUnpaddedBase64(detail.value)
        if let type = writer.options.typeRegistry.messageType(named: detail.typeName),
          let debug = debugJSON(detail.value, as: type, options: writer.options)
        {
          writer.writeKey("debug")
          writer.appendRaw(debug)
        }
        writer.endObject()
      }
      writer.endArray()
    }
    writer.endObject()
  }

  private static func debugJSON<M: ProtoMessage>(
    _ bytes: [UInt8], as type: M.Type, options: JSONEncodingOptions
  ) -> [UInt8]? {
    guard let message = try? M(serializedBytes: bytes) else { return nil }
    return try? message.jsonUTF8(options: options)
  }

  /// The error JSON `bytes` describe; nil when they are not a valid Connect error (not
  /// JSON, no `code`, `code` not a string). Unknown codes become `.unknown`; `debug`
  /// and unknown members are ignored.
  public static func decode(_ bytes: [UInt8]) -> RPCError? {
    bytes.withUnsafeBytes { raw in
      var reader = JSONReader(buffer: raw)
      guard let error = try? read(from: &reader), (try? reader.finish()) != nil else { return nil }
      return error
    }
  }

  /// Reads an error object; nil when it lacks a code.
  static func read(from reader: inout JSONReader) throws(JSONDecodingError) -> RPCError? {
    var code: StatusCode?
    var message = ""
    var details: [RPCError.Detail] = []
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "code":
        if reader.consumeNull() { return nil }
        code = StatusCode(connectCode: try reader.readString()) ?? .unknown
      case "message":
        if !reader.consumeNull() { message = try reader.readString() }
      case "details":
        if reader.consumeNull() { continue }
        try reader.beginArray()
        while try reader.nextArrayElement() {
          if let detail = try readDetail(from: &reader) { details.append(detail) }
        }
      default:
        try reader.skipValue()
      }
    }
    guard let code else { return nil }
    return RPCError(code: code, message: message, details: details)
  }

  private static func readDetail(from reader: inout JSONReader) throws(JSONDecodingError)
    -> RPCError.Detail?
  {
    var typeName: String?
    var value: [UInt8]?
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "type": typeName = reader.consumeNull() ? nil : try reader.readString()
      case "value": value = reader.consumeNull() ? nil : try reader.readBytes()
      default: try reader.skipValue()
      }
    }
    guard let typeName else { return nil }
    return RPCError.Detail(
      typeName: ProtoTypeRegistry.messageName(fromTypeURL: typeName), value: value ?? [])
  }
}
