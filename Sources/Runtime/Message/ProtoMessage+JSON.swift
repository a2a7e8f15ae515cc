extension ProtoMessage {
  /// Decodes a message from proto3 JSON text in UTF-8.
  public init(jsonUTF8: [UInt8], options: JSONDecodingOptions = .init()) throws(JSONDecodingError) {
    self.init()
    let result: Result<Void, JSONDecodingError> = jsonUTF8.withUnsafeBytes { buffer in
      Self.decodeJSON(buffer, into: &self, options: options)
    }
    try result.get()
  }

  /// Decodes a message from proto3 JSON text.
  public init(jsonString: String, options: JSONDecodingOptions = .init()) throws(JSONDecodingError) {
    self.init()
    var text = jsonString
    let result: Result<Void, JSONDecodingError> = text.withUTF8 { utf8 in
      Self.decodeJSON(UnsafeRawBufferPointer(utf8), into: &self, options: options)
    }
    try result.get()
  }

  private static func decodeJSON(
    _ buffer: UnsafeRawBufferPointer, into message: inout Self, options: JSONDecodingOptions
  ) -> Result<Void, JSONDecodingError> {
    do throws(JSONDecodingError) {
      var reader = JSONReader(buffer: buffer, options: options)
      try message.decodeJSONMerging(from: &reader)
      try reader.finish()
      return .success(())
    } catch {
      return .failure(error)
    }
  }

  /// The proto3 JSON encoding as UTF-8 text; throws when a value has no JSON form
  /// (an `Any` of an unregistered type, an out-of-range `Timestamp`, ...).
  public func jsonUTF8(options: JSONEncodingOptions = .init()) throws(JSONEncodingError) -> [UInt8] {
    var writer = JSONWriter(options: options)
    encodeJSON(to: &writer)
    if let failure = writer.failure { throw failure }
    return writer.bytes
  }

  /// The proto3 JSON encoding as a string; throws like `jsonUTF8(options:)`.
  public func jsonString(options: JSONEncodingOptions = .init()) throws(JSONEncodingError) -> String {
    String(decoding: try jsonUTF8(options: options), as: UTF8.self)
  }
}
