/// Byte classes of the schema language (ASCII only, as protoc's tokenizer).
enum CharacterClass {
  static func isLetter(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
  }

  static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

  static func isAlphanumeric(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }

  static func isHexDigit(_ c: UInt8) -> Bool { hexValue(c) != nil }

  /// The value of a hex digit, or nil.
  static func hexValue(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  /// Space, tab, carriage return, vertical tab, form feed (not newline).
  static func isSpaceNoNewline(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C
  }

  /// Whether `text` is an identifier: a letter or `_`, then letters, digits, `_`.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.utf8.first, isLetter(first) else { return false }
    return text.utf8.allSatisfy(isAlphanumeric)
  }
}
