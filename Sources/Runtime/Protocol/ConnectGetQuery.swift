/// The query of a Connect unary GET request (`?encoding=json&message=...`): parameters
/// `message`, `encoding`, `base64`, `compression` and `connect`, in any order, unknown
/// parameters ignored (the first of a repeated parameter wins).
public struct ConnectGetQuery: Sendable, Hashable {
  /// The request message: percent-decoded, then base64-decoded (URL-safe or standard,
  /// padding optional) when `base64=1`; nil when the parameter is absent. Still
  /// compressed when ``compression`` names an algorithm.
  public var message: [UInt8]?
  /// The `encoding` parameter (`json`, `proto`).
  public var encoding: String?
  /// Whether `base64=1` was given.
  public var isBase64: Bool
  /// The `compression` parameter (`gzip`, `identity`).
  public var compression: String?
  /// The `connect` parameter (`v1`).
  public var connectVersion: String?

  /// Parses a query (the part of the path after `?`, without it). Returns nil when a
  /// parameter holds an invalid percent-escape, or when the message is not base64
  /// although `base64=1`.
  public init?(parsing query: UnsafeRawBufferPointer) {
    message = nil
    encoding = nil
    isBase64 = false
    compression = nil
    connectVersion = nil
    var rawMessage: [UInt8]?
    var valid = true
    var start = 0
    var i = 0
    while i <= query.count {
      if i == query.count || query[i] == UInt8(ascii: "&") {
        let pair = UnsafeRawBufferPointer(rebasing: query[start..<i])
        if !pair.isEmpty {
          let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.count
          let name = UnsafeRawBufferPointer(rebasing: pair[..<equals])
          let value = UnsafeRawBufferPointer(rebasing: pair[min(equals + 1, pair.count)...])
          if ASCII.equals(name, "message") {
            if rawMessage == nil {
              guard let decoded = Self.percentDecoded(value) else { return nil }
              rawMessage = decoded
            }
          } else if ASCII.equals(name, "encoding") {
            if encoding == nil { encoding = Self.string(value, valid: &valid) }
          } else if ASCII.equals(name, "base64") {
            if ASCII.equals(value, "1") { isBase64 = true }
          } else if ASCII.equals(name, "compression") {
            if compression == nil { compression = Self.string(value, valid: &valid) }
          } else if ASCII.equals(name, "connect") {
            if connectVersion == nil { connectVersion = Self.string(value, valid: &valid) }
          }
          guard valid else { return nil }
        }
        start = i + 1
      }
      i += 1
    }
    if let rawMessage, isBase64 {
      guard let decoded = rawMessage.withUnsafeBufferPointer({ Base64.decode($0) }) else {
        return nil
      }
      message = decoded
    } else {
      message = rawMessage
    }
  }

  /// Parses a query given as a string.
  public init?(parsing query: String) {
    var query = query
    guard let parsed = query.withUTF8({ ConnectGetQuery(parsing: UnsafeRawBufferPointer($0)) })
    else { return nil }
    self = parsed
  }

  /// `value` with `+` as space and `%XX` escapes resolved; nil for a broken escape.
  static func percentDecoded(_ value: UnsafeRawBufferPointer) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(value.count)
    var i = 0
    while i < value.count {
      let byte = value[i]
      if byte == UInt8(ascii: "%") {
        guard i + 2 < value.count, let high = ASCII.hexValue(value[i + 1]),
          let low = ASCII.hexValue(value[i + 2])
        else { return nil }
        output.append(high << 4 | low)
        i += 3
      } else {
        output.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
        i += 1
      }
    }
    return output
  }

  private static func string(_ value: UnsafeRawBufferPointer, valid: inout Bool) -> String? {
    guard let bytes = percentDecoded(value) else {
      valid = false
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
