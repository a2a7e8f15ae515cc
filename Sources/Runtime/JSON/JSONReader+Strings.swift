extension JSONReader {
  /// Reads a JSON string, resolving escapes and validating UTF-8.
  public mutating func readString() throws(JSONDecodingError) -> String {
    let tokenOffset = offset
    let string = try withStringContent { UTF8Validation.makeString($0) }
    guard let string else { throw .invalidString(offset: tokenOffset) }
    return string
  }

  /// Reads a `bytes` value: standard or URL-safe base64, padding optional.
  public mutating func readBytes() throws(JSONDecodingError) -> [UInt8] {
    let tokenOffset = offset
    guard let bytes = try withStringContent({ Base64.decode($0) }) else {
      throw .invalidBase64(offset: tokenOffset)
    }
    return bytes
  }

  /// Reads a JSON string and passes its unescaped bytes (not yet checked as UTF-8) to
  /// `body`. The bytes are valid only during the call.
  mutating func withStringContent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(JSONDecodingError) -> R {
    guard try peek() == UInt8(ascii: "\"") else { throw .unexpectedCharacter(offset: offset) }
    let contentStart = pointer + 1
    var p = contentStart
    while p != end {
      let byte = p.load(as: UInt8.self)
      if byte == UInt8(ascii: "\"") {
        pointer = p + 1
        return body(UnsafeBufferPointer(start: contentStart.assumingMemoryBound(to: UInt8.self), count: p - contentStart))
      }
      if byte == UInt8(ascii: "\\") {
        try unescape(from: contentStart, firstEscape: p)
        return scratch.withUnsafeBufferPointer(body)
      }
      if byte < 0x20 { throw .invalidString(offset: p - start) }
      p += 1
    }
    throw .unexpectedEnd
  }

  /// Copies a string that contains escapes into `scratch`, resolving them, and moves
  /// past its closing quote.
  private mutating func unescape(from contentStart: UnsafeRawPointer, firstEscape: UnsafeRawPointer) throws(JSONDecodingError) {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeRawBufferPointer(start: contentStart, count: firstEscape - contentStart))
    pointer = firstEscape
    while pointer != end {
      let byte = pointer.load(as: UInt8.self)
      switch byte {
      case UInt8(ascii: "\""):
        pointer += 1
        return
      case UInt8(ascii: "\\"):
        try readEscape()
      case 0..<0x20:
        throw .invalidString(offset: offset)
      default:
        scratch.append(byte)
        pointer += 1
      }
    }
    throw .unexpectedEnd
  }

  /// Resolves one escape sequence at `pointer` into `scratch`.
  private mutating func readEscape() throws(JSONDecodingError) {
    let escapeOffset = offset
    guard end - pointer >= 2 else { throw .unexpectedEnd }
    let kind = pointer.load(fromByteOffset: 1, as: UInt8.self)
    pointer += 2
    switch kind {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(kind)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try readHex4(escapeOffset: escapeOffset)
      if scalar >= 0xDC00 && scalar < 0xE000 { throw .invalidString(offset: escapeOffset) }
      if scalar >= 0xD800 && scalar < 0xDC00 {
        guard end - pointer >= 2,
          pointer.load(as: UInt8.self) == UInt8(ascii: "\\"),
          pointer.load(fromByteOffset: 1, as: UInt8.self) == UInt8(ascii: "u")
        else { throw .invalidString(offset: escapeOffset) }
        pointer += 2
        let low = try readHex4(escapeOffset: escapeOffset)
        guard low >= 0xDC00 && low < 0xE000 else { throw .invalidString(offset: escapeOffset) }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      appendUTF8(scalar)
    default:
      throw .invalidString(offset: escapeOffset)
    }
  }

  private mutating func readHex4(escapeOffset: Int) throws(JSONDecodingError) -> UInt32 {
    guard end - pointer >= 4 else { throw .unexpectedEnd }
    var value: UInt32 = 0
    for i in 0..<4 {
      let c = pointer.load(fromByteOffset: i, as: UInt8.self)
      let digit: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
      default: throw .invalidString(offset: escapeOffset)
      }
      value = value << 4 | UInt32(digit)
    }
    pointer += 4
    return value
  }

  private mutating func appendUTF8(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      scratch.append(UInt8(scalar))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | scalar >> 6))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | scalar >> 12))
      scratch.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    default:
      scratch.append(UInt8(0xF0 | scalar >> 18))
      scratch.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
      scratch.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
