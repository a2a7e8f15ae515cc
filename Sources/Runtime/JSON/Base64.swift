/// Base64 for JSON `bytes` values and `-bin` headers: standard alphabet on output (with
/// padding unless asked not to); standard or URL-safe alphabet, padding optional, on input.
enum Base64 {
  private static let alphabet: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Maps an input byte to its 6-bit value, or 0xFF when it is not a base64 digit.
  private static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
    table[Int(UInt8(ascii: "-"))] = 62
    table[Int(UInt8(ascii: "_"))] = 63
    return table
  }()

  /// Appends the standard encoding of `data` to `output`, padded with `=` unless
  /// `padding` is false (as gRPC and Connect emit binary header values).
  static func encode(_ data: [UInt8], into output: inout [UInt8], padding: Bool = true) {
    let count = data.count
    guard count > 0 else { return }
    let encodedCount = (count + 2) / 3 * 4
    output.reserveCapacity(output.count + encodedCount)
    alphabet.withUnsafeBufferPointer { table in
      data.withUnsafeBufferPointer { input in
        var i = 0
        while i + 3 <= count {
          let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
          output.append(table[Int(v >> 18)])
          output.append(table[Int((v >> 12) & 63)])
          output.append(table[Int((v >> 6) & 63)])
          output.append(table[Int(v & 63)])
          i += 3
        }
        let rest = count - i
        if rest == 1 {
          let v = UInt32(input[i]) << 16
          output.append(table[Int(v >> 18)])
          output.append(table[Int((v >> 12) & 63)])
          if padding {
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
          }
        } else if rest == 2 {
          let v = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
          output.append(table[Int(v >> 18)])
          output.append(table[Int((v >> 12) & 63)])
          output.append(table[Int((v >> 6) & 63)])
          if padding { output.append(UInt8(ascii: "=")) }
        }
      }
    }
  }

  /// Decodes standard or URL-safe base64, with, without or with partial padding; nil
  /// when `text` is not base64.
  static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var length = text.count
    // Up to two `=` may pad a final partial group; a complete group takes none.
    var padding = 0
    while length > 0 && padding < 2 && text[length - 1] == UInt8(ascii: "=") {
      length -= 1
      padding += 1
    }
    let partial = length % 4
    if partial == 1 || (padding > 0 && (partial == 0 || padding > 4 - partial)) { return nil }
    let outputCount = length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1)
    var valid = true
    let result = decodeTable.withUnsafeBufferPointer { table in
      [UInt8](unsafeUninitializedCapacity: outputCount) { output, initialized in
        var out = 0
        var i = 0
        while i + 4 <= length {
          let a = table[Int(text[i])], b = table[Int(text[i + 1])]
          let c = table[Int(text[i + 2])], d = table[Int(text[i + 3])]
          if (a | b | c | d) & 0xC0 != 0 {
            valid = false
            break
          }
          let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
          output[out] = UInt8(truncatingIfNeeded: v >> 16)
          output[out + 1] = UInt8(truncatingIfNeeded: v >> 8)
          output[out + 2] = UInt8(truncatingIfNeeded: v)
          out += 3
          i += 4
        }
        let rest = length - i
        if valid && rest >= 2 {
          var v: UInt32 = 0
          for j in 0..<rest {
            let digit = table[Int(text[i + j])]
            if digit & 0xC0 != 0 { valid = false }
            v |= UInt32(digit & 63) << (18 - 6 * UInt32(j))
          }
          output[out] = UInt8(truncatingIfNeeded: v >> 16)
          out += 1
          if rest == 3 {
            output[out] = UInt8(truncatingIfNeeded: v >> 8)
            out += 1
          }
        }
        initialized = valid ? out : 0
      }
    }
    return valid ? result : nil
  }
}
