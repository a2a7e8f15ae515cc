extension JSONReader {
  /// Consumes the bytes of an unquoted number token and checks its grammar.
  mutating func scanNumberToken() throws(JSONDecodingError) -> UnsafeBufferPointer<UInt8> {
    let tokenOffset = offset
    let tokenStart = pointer
    while pointer != end && JSONReader.isNumberByte(pointer.load(as: UInt8.self)) {
      pointer += 1
    }
    if pointer == tokenStart {
      if pointer == end { throw .unexpectedEnd }
      throw .unexpectedCharacter(offset: tokenOffset)
    }
    let token = UnsafeBufferPointer(start: tokenStart.assumingMemoryBound(to: UInt8.self), count: pointer - tokenStart)
    guard JSONNumberParser.isNumber(token) else { throw .invalidNumber(offset: tokenOffset) }
    return token
  }

  static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
      return true
    default:
      return false
    }
  }

  /// Reads an integer given as a number or a string, returning sign and magnitude.
  mutating func readIntegerParts() throws(JSONDecodingError) -> (negative: Bool, magnitude: UInt64, offset: Int) {
    let tokenOffset: Int
    let result: JSONNumberParser.IntegerResult
    if try peek() == UInt8(ascii: "\"") {
      tokenOffset = offset
      result = try withStringContent { JSONNumberParser.integer($0) }
    } else {
      tokenOffset = offset
      result = JSONNumberParser.integer(try scanNumberToken())
    }
    switch result {
    case .value(let negative, let magnitude): return (negative, magnitude, tokenOffset)
    case .outOfRange: throw .numberOutOfRange(offset: tokenOffset)
    case .notInteger, .invalid: throw .invalidNumber(offset: tokenOffset)
    }
  }

  mutating func readSignedInteger(min: Int64, max: Int64) throws(JSONDecodingError) -> Int64 {
    let (negative, magnitude, tokenOffset) = try readIntegerParts()
    let value: Int64?
    if negative {
      value = magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    } else {
      value = Int64(exactly: magnitude)
    }
    guard let value, value >= min, value <= max else { throw .numberOutOfRange(offset: tokenOffset) }
    return value
  }

  mutating func readUnsignedInteger(max: UInt64) throws(JSONDecodingError) -> UInt64 {
    let (negative, magnitude, tokenOffset) = try readIntegerParts()
    guard !negative || magnitude == 0, magnitude <= max else { throw .numberOutOfRange(offset: tokenOffset) }
    return magnitude
  }

  /// Reads an `int32`: a number or numeric string, integral, in range.
  public mutating func readInt32() throws(JSONDecodingError) -> Int32 {
    Int32(truncatingIfNeeded: try readSignedInteger(min: Int64(Int32.min), max: Int64(Int32.max)))
  }

  /// Reads an `int64`: a number or numeric string, integral, in range.
  public mutating func readInt64() throws(JSONDecodingError) -> Int64 {
    try readSignedInteger(min: .min, max: .max)
  }

  /// Reads a `uint32`: a number or numeric string, integral, in range.
  public mutating func readUInt32() throws(JSONDecodingError) -> UInt32 {
    UInt32(truncatingIfNeeded: try readUnsignedInteger(max: UInt64(UInt32.max)))
  }

  /// Reads a `uint64`: a number or numeric string, integral, in range.
  public mutating func readUInt64() throws(JSONDecodingError) -> UInt64 {
    try readUnsignedInteger(max: .max)
  }

  /// Reads a `double`: a number, a numeric string, or `"NaN"`, `"Infinity"`,
  /// `"-Infinity"`. Finite text that overflows is out of range.
  public mutating func readDouble() throws(JSONDecodingError) -> Double {
    try readFloatingPoint(Double.self)
  }

  /// Reads a `float`: a number, a numeric string, or `"NaN"`, `"Infinity"`,
  /// `"-Infinity"`. Finite text beyond `Float`'s range is out of range.
  public mutating func readFloat() throws(JSONDecodingError) -> Float {
    try readFloatingPoint(Float.self)
  }

  private mutating func readFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(
    _ type: F.Type
  ) throws(JSONDecodingError) -> F {
    let tokenOffset = offset
    var special = false
    let parsed: F?
    if try peek() == UInt8(ascii: "\"") {
      parsed = try withStringContent { text -> F? in
        special = true
        if JSONReader.equals(text, "NaN") { return .nan }
        if JSONReader.equals(text, "Infinity") { return .infinity }
        if JSONReader.equals(text, "-Infinity") { return -.infinity }
        special = false
        guard JSONNumberParser.isNumber(text) else { return nil }
        return F(String(decoding: text, as: UTF8.self))
      }
    } else {
      let token = try scanNumberToken()
      parsed = F(String(decoding: token, as: UTF8.self))
    }
    guard let parsed else { throw .invalidNumber(offset: tokenOffset) }
    if parsed.isInfinite && !special { throw .numberOutOfRange(offset: tokenOffset) }
    return parsed
  }

  static func equals(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    text.count == literal.utf8CodeUnitCount
      && text.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  // MARK: Map keys

  /// A `string` map key, as written.
  public func mapKeyString(_ key: String) -> String { key }

  /// An `int32` map key: an integral number in range.
  public func mapKeyInt32(_ key: String) throws(JSONDecodingError) -> Int32 {
    guard let value = JSONNumberParser.integer(fromKey: key), let v = Int32(exactly: value) else {
      throw .invalidNumber(offset: offset)
    }
    return v
  }

  /// An `int64` map key: an integral number in range.
  public func mapKeyInt64(_ key: String) throws(JSONDecodingError) -> Int64 {
    guard let value = JSONNumberParser.integer(fromKey: key) else { throw .invalidNumber(offset: offset) }
    return value
  }

  /// A `uint32` map key: an integral number in range.
  public func mapKeyUInt32(_ key: String) throws(JSONDecodingError) -> UInt32 {
    guard let (negative, magnitude) = JSONNumberParser.integerParts(key), !negative,
      let v = UInt32(exactly: magnitude)
    else { throw .invalidNumber(offset: offset) }
    return v
  }

  /// A `uint64` map key: an integral number in range.
  public func mapKeyUInt64(_ key: String) throws(JSONDecodingError) -> UInt64 {
    guard let (negative, magnitude) = JSONNumberParser.integerParts(key), !negative else {
      throw .invalidNumber(offset: offset)
    }
    return magnitude
  }

  /// A `bool` map key: `"true"` or `"false"`.
  public func mapKeyBool(_ key: String) throws(JSONDecodingError) -> Bool {
    switch key {
    case "true": return true
    case "false": return false
    default: throw .unexpectedCharacter(offset: offset)
    }
  }
}
