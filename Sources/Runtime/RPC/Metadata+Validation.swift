extension Metadata {
  /// Whether `key` is a valid metadata key: non-empty, only ASCII letters, digits, `-`,
  /// `_` and `.` (uppercase letters are accepted and lowercased when added).
  public static func isValidKey(_ key: String) -> Bool {
    guard !key.utf8.isEmpty else { return false }
    return key.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."):
        true
      default:
        false
      }
    }
  }

  /// Whether `value` is a valid string value: printable ASCII (0x20–0x7E) without a
  /// leading or trailing space (HTTP/2 forbids those); empty is allowed.
  public static func isValidStringValue(_ value: String) -> Bool {
    let utf8 = value.utf8
    if utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") { return false }
    return utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
  }

  /// Whether values of `key` are binary: the key ends in `-bin` (ignoring case).
  public static func isBinaryKey(_ key: String) -> Bool {
    let utf8 = key.utf8
    guard utf8.count > 4 else { return false }
    return lowercased(String(key.suffix(4))) == "-bin"
  }

  /// The key, lowercased, after checking it and the kind of value it may hold.
  static func checked(_ value: Value, forKey key: String) throws(MetadataError) -> String {
    guard isValidKey(key) else { throw .invalidKey(key) }
    let key = lowercased(key)
    switch value {
    case .string(let string):
      guard !isBinaryKey(key) else { throw .valueKindMismatch(key: key) }
      guard isValidStringValue(string) else { throw .invalidValue(key: key) }
    case .binary:
      guard isBinaryKey(key) else { throw .valueKindMismatch(key: key) }
    }
    return key
  }

  /// `key` with ASCII uppercase letters lowercased; returns `key` itself when it has none.
  static func lowercased(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
      return key
    }
    return String(
      decoding: key.utf8.map { byte in
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
      }, as: UTF8.self)
  }
}
