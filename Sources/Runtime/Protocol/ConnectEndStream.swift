/// The Connect protocol's `EndStreamResponse`, the JSON in a streaming response's final
/// envelope (flags `0x02`): `{"error":{...},"metadata":{"key":["value",...]}}`, `error`
/// only for failed calls, `metadata` only when there are trailers; a success without
/// trailers is `{}`.
public struct ConnectEndStream: Sendable, Hashable {
  /// The call's error; nil for success.
  public var error: RPCError?
  /// The trailing metadata.
  public var metadata: Metadata

  /// Creates an end-of-stream message.
  public init(error: RPCError? = nil, metadata: Metadata = Metadata()) {
    self.error = error
    self.metadata = metadata
  }

  /// The JSON text. Metadata values are grouped by key in order of first appearance;
  /// `-bin` values are unpadded base64. The error's own metadata follows `metadata`,
  /// and reserved keys are skipped.
  public func jsonBytes(options: JSONEncodingOptions = .init()) -> [UInt8] {
    var writer = JSONWriter(options: options)
    writer.beginObject()
    if let error {
      writer.writeKey("error")
      ConnectErrorJSON.write(error, to: &writer)
    }
    var all = metadata
    if let error { all.add(contentsOf: error.metadata) }
    var keys: [String] = []
    for (key, _) in all where !MetadataHeaders.isReservedKey(key) && !keys.contains(key) {
      keys.append(key)
    }
    if !keys.isEmpty {
      writer.writeKey("metadata")
      writer.beginObject()
      for key in keys {
        writer.writeKey(key)
        writer.beginArray()
        for (entryKey, value) in all where entryKey == key {
          switch value {
          case .string(let string): writer.writeString(string)
          case .binary(let bytes): writer.writeUnpaddedBase64(bytes)
          }
        }
        writer.endArray()
      }
      writer.endObject()
    }
    writer.endObject()
    return writer.bytes
  }

  /// Appends the final envelope: flags `0x02`, length, JSON.
  public func appendEnvelope(to buffer: inout [UInt8], options: JSONEncodingOptions = .init())
    throws(MessageFramingError)
  {
    try MessageFramer.append(
      jsonBytes(options: options), flags: MessageFramer.endStreamFlag, to: &buffer)
  }

  /// Parses the JSON of an end-stream envelope; nil when it is not valid (not an object,
  /// `error` null or without a code). Metadata keys that are not valid header names are
  /// dropped; `-bin` values that are not base64 make the message invalid.
  public init?(jsonBytes bytes: [UInt8]) {
    let parsed: ConnectEndStream?? = bytes.withUnsafeBytes { raw in
      var reader = JSONReader(buffer: raw)
      guard let value = try? Self.read(from: &reader), (try? reader.finish()) != nil else {
        return nil
      }
      return value
    }
    guard let parsed, let parsed else { return nil }
    self = parsed
  }

  private static func read(from reader: inout JSONReader) throws(JSONDecodingError)
    -> ConnectEndStream?
  {
    var result = ConnectEndStream()
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "error":
        if reader.consumeNull() { return nil }
        guard let error = try ConnectErrorJSON.read(from: &reader) else { return nil }
        result.error = error
      case "metadata":
        if reader.consumeNull() { continue }
        try reader.beginObject()
        while let name = try reader.nextKey() {
          let isValidKey = Metadata.isValidKey(name)
          let isBinary = Metadata.isBinaryKey(name)
          let lowercasedName = name.lowercased()
          try reader.beginArray()
          while try reader.nextArrayElement() {
            if isBinary {
              let bytes = try reader.readBytes()
              if isValidKey { result.metadata.addUnchecked(.binary(bytes), forKey: lowercasedName) }
            } else {
              let value = try reader.readString()
              if isValidKey && Metadata.isValidStringValue(value) {
                result.metadata.addUnchecked(.string(value), forKey: lowercasedName)
              }
            }
          }
        }
      default:
        try reader.skipValue()
      }
    }
    return result
  }
}
