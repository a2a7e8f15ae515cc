/// The `grpc-message` header's percent-encoding: the UTF-8 message with every byte
/// outside 0x20–0x7E, and `%` itself, written as `%XX` (uppercase hex).
public enum GRPCStatusMessage {
  /// Appends the encoded form of `message`.
  public static func encode(_ message: String, into output: inout [UInt8]) {
    var message = message
    message.withUTF8 { encode(UnsafeRawBufferPointer($0), into: &output) }
  }

  /// Appends the encoded form of UTF-8 `bytes`.
  public static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    var plain = true
    for byte in bytes where needsEncoding(byte) {
      plain = false
      break
    }
    if plain {
      output.append(contentsOf: bytes)
      return
    }
    output.reserveCapacity(output.count + bytes.count + 16)
    let hex = ASCII.hexDigits.utf8Start
    for byte in bytes {
      if needsEncoding(byte) {
        output.append(UInt8(ascii: "%"))
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      } else {
        output.append(byte)
      }
    }
  }

  /// The encoded form of `message`.
  public static func encode(_ message: String) -> String {
    var bytes: [UInt8] = []
    encode(message, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The message a header value carries. Never fails: a `%` not followed by two hex
  /// digits stays as it is, and bytes that do not form UTF-8 become U+FFFD.
  public static func decode(_ value: UnsafeRawBufferPointer) -> String {
    guard value.contains(UInt8(ascii: "%")) else {
      return String(decoding: value, as: UTF8.self)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.count)
    var i = 0
    while i < value.count {
      let byte = value[i]
      if byte == UInt8(ascii: "%"), i + 2 < value.count,
        let high = ASCII.hexValue(value[i + 1]), let low = ASCII.hexValue(value[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(byte)
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The message a header value carries.
  public static func decode(_ value: String) -> String {
    var value = value
    return value.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
  }

  @inline(__always)
  private static func needsEncoding(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "%")
  }
}
