/// Strict parsing of JSON number text (RFC 8259 grammar) for protobuf's numeric types.
@usableFromInline
enum JSONNumberParser {
  /// What an integer-typed field gets from a number token.
  enum IntegerResult {
    case value(negative: Bool, magnitude: UInt64)
    /// Well-formed but with a fractional part (such as 1.5).
    case notInteger
    /// Well-formed but beyond 64 bits.
    case outOfRange
    /// Not a JSON number.
    case invalid
  }

  /// Positions of a number's parts within its token.
  private struct Parts {
    var negative = false
    var integerDigits = 0..<0
    var fractionDigits = 0..<0
    /// The written exponent, saturated to ±1_000_000.
    var exponent = 0
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// Splits `text` per the JSON number grammar; nil when it is not exactly one number.
  private static func parts(_ text: UnsafeBufferPointer<UInt8>) -> Parts? {
    var p = Parts()
    let n = text.count
    var i = 0
    if i < n && text[i] == UInt8(ascii: "-") {
      p.negative = true
      i += 1
    }
    let intStart = i
    guard i < n && isDigit(text[i]) else { return nil }
    if text[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      while i < n && isDigit(text[i]) { i += 1 }
    }
    p.integerDigits = intStart..<i
    if i < n && text[i] == UInt8(ascii: ".") {
      i += 1
      let fracStart = i
      guard i < n && isDigit(text[i]) else { return nil }
      while i < n && isDigit(text[i]) { i += 1 }
      p.fractionDigits = fracStart..<i
    }
    if i < n && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
      i += 1
      var negativeExponent = false
      if i < n && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
        negativeExponent = text[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < n && isDigit(text[i]) else { return nil }
      var exponent = 0
      while i < n && isDigit(text[i]) {
        exponent = Swift.min(exponent * 10 + Int(text[i] - UInt8(ascii: "0")), 1_000_000)
        i += 1
      }
      p.exponent = negativeExponent ? -exponent : exponent
    }
    return i == n ? p : nil
  }

  /// Whether `text` is exactly one JSON number.
  static func isNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    parts(text) != nil
  }

  /// The integer `text` denotes; exponent and fraction forms are accepted when the
  /// value is integral (`1.0`, `1e2`, `150e-1`).
  static func integer(_ text: UnsafeBufferPointer<UInt8>) -> IntegerResult {
    guard let p = parts(text) else { return .invalid }
    let intCount = p.integerDigits.count
    let digitCount = intCount + p.fractionDigits.count
    func digit(_ k: Int) -> UInt64 {
      let index = k < intCount ? p.integerDigits.lowerBound + k : p.fractionDigits.lowerBound + k - intCount
      return UInt64(text[index] - UInt8(ascii: "0"))
    }
    guard let first = (0..<digitCount).first(where: { digit($0) != 0 }) else {
      return .value(negative: p.negative, magnitude: 0)
    }
    let last = (0..<digitCount).last(where: { digit($0) != 0 })!
    let scale = p.exponent - p.fractionDigits.count + (digitCount - 1 - last)
    if scale < 0 { return .notInteger }
    if last - first + 1 + scale > 20 { return .outOfRange }
    var magnitude: UInt64 = 0
    for k in first...last {
      let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(digit(k))
      if o1 || o2 { return .outOfRange }
      magnitude = sum
    }
    for _ in 0..<scale {
      let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      if overflow { return .outOfRange }
      magnitude = times10
    }
    return .value(negative: p.negative, magnitude: magnitude)
  }

  /// The integer in a map key or quoted enum number (same forms as a quoted integer
  /// field), or nil.
  @usableFromInline
  static func integer(fromKey key: String) -> Int64? {
    guard let (negative, magnitude) = integerParts(key) else { return nil }
    if negative {
      return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
    return Int64(exactly: magnitude)
  }

  /// Sign and magnitude of an integral JSON number written as text, or nil.
  static func integerParts(_ text: String) -> (negative: Bool, magnitude: UInt64)? {
    var text = text
    let result = text.withUTF8 { integer($0) }
    guard case .value(let negative, let magnitude) = result else { return nil }
    return (negative, magnitude)
  }
}
