/// Byte-level helpers for header values, which are ASCII on the wire.
enum ASCII {
  /// `bytes` without leading and trailing spaces and tabs.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
  }

  /// The byte with ASCII uppercase letters lowercased.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  /// Whether `bytes` equals the lowercase `literal`, ignoring ASCII case in `bytes`.
  static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    let expected = literal.utf8Start
    for i in 0..<count where lowercased(bytes[i]) != expected[i] { return false }
    return true
  }

  /// Whether `bytes` equals `literal` exactly.
  static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    let expected = literal.utf8Start
    for i in 0..<count where bytes[i] != expected[i] { return false }
    return true
  }

  /// Whether `bytes` starts with `literal`, ignoring ASCII case in `bytes`.
  static func hasPrefixIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString)
    -> Bool
  {
    let count = literal.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let expected = literal.utf8Start
    for i in 0..<count where lowercased(bytes[i]) != expected[i] { return false }
    return true
  }

  /// Whether `bytes` ends with `literal`, ignoring ASCII case in `bytes`.
  static func hasSuffixIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString)
    -> Bool
  {
    let count = literal.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let expected = literal.utf8Start
    let offset = bytes.count - count
    for i in 0..<count where lowercased(bytes[offset + i]) != expected[i] { return false }
    return true
  }

  /// Calls `body` with each comma-separated element of `bytes`, trimmed; empty elements
  /// are skipped. Stops early when `body` returns false.
  static func forEachListElement(
    _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Bool
  ) {
    var start = 0
    var i = 0
    while i <= bytes.count {
      if i == bytes.count || bytes[i] == UInt8(ascii: ",") {
        let element = trimmed(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        if !element.isEmpty && !body(element) { return }
        start = i + 1
      }
      i += 1
    }
  }

  /// The decimal value of 1 to `maxDigits` ASCII digits; nil for anything else.
  static func decimal(_ bytes: UnsafeRawBufferPointer, maxDigits: Int) -> Int64? {
    guard !bytes.isEmpty, bytes.count <= maxDigits else { return nil }
    var value: Int64 = 0
    for byte in bytes {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int64(digit)
    }
    return value
  }

  /// The value of one hexadecimal digit (either case); nil for other bytes.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }

  /// Uppercase hexadecimal digits.
  static let hexDigits: StaticString = "0123456789ABCDEF"

  /// Appends the decimal form of a non-negative `value`.
  static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
    if value < 10 {
      output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: max(value, 0)))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, written from the end
    var count = 0
    var rest = UInt64(value)
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
        count += 1
      }
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }
}
