/// Values of numeric literals as the tokenizer accepted them.
enum NumberLiteral {
  /// Decimal, `0x` hex or leading-zero octal; nil when above `UInt64.max` or malformed.
  static func parseInteger(_ text: String) -> UInt64? {
    var digits = Substring(text)
    var base: UInt64 = 10
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
      base = 16
      digits = digits.dropFirst(2)
    } else if digits.count > 1 && digits.hasPrefix("0") {
      base = 8
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty else { return nil }
    var value: UInt64 = 0
    for c in digits.utf8 {
      guard let d = CharacterClass.hexValue(c), UInt64(d) < base else { return nil }
      let (shifted, o1) = value.multipliedReportingOverflow(by: base)
      let (sum, o2) = shifted.addingReportingOverflow(UInt64(d))
      if o1 || o2 { return nil }
      value = sum
    }
    return value
  }

  /// A decimal float literal (`1.5`, `.5`, `1.`, `1e10`, `2E-3`).
  static func parseFloat(_ text: String) -> Double {
    var normalized = text
    if normalized.hasPrefix(".") { normalized = "0" + normalized }
    if let dot = normalized.firstIndex(of: "."),
      normalized.index(after: dot) == normalized.endIndex
        || !CharacterClass.isDigit(normalized.utf8[normalized.utf8.index(after: dot)])
    {
      normalized.insert("0", at: normalized.index(after: dot))
    }
    return Double(normalized) ?? 0
  }
}
