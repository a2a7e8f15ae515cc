/// A cursor over ASCII text for the fixed-format Timestamp and Duration strings.
struct DigitScanner {
  private let text: UnsafeBufferPointer<UInt8>
  private var index = 0

  init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

  var isAtEnd: Bool { index == text.count }

  /// Consumes `byte` if it is next.
  mutating func skip(_ byte: Unicode.Scalar) -> Bool {
    guard index < text.count, text[index] == UInt8(ascii: byte) else { return false }
    index += 1
    return true
  }

  /// Consumes exactly `count` decimal digits.
  mutating func digits(_ count: Int) -> Int? {
    guard text.count - index >= count else { return nil }
    var value = 0
    for _ in 0..<count {
      let digit = text[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
      index += 1
    }
    return value
  }

  /// Consumes 1 to `maxCount` decimal digits.
  mutating func digits(upTo maxCount: Int) -> (value: Int64, count: Int)? {
    var value: Int64 = 0
    var count = 0
    while index < text.count, count < maxCount {
      let digit = text[index] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      value = value * 10 + Int64(digit)
      count += 1
      index += 1
    }
    if index < text.count, text[index] &- UInt8(ascii: "0") < 10 { return nil }
    return count == 0 ? nil : (value, count)
  }

  /// Consumes 1 to 9 fractional digits, returning nanoseconds.
  mutating func fraction() -> Int? {
    guard let (value, count) = digits(upTo: 9) else { return nil }
    var nanos = Int(value)
    for _ in count..<9 { nanos *= 10 }
    return nanos
  }
}
