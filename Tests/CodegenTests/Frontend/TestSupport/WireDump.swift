/// Renders protobuf bytes as indented lines without a schema, to show where two
/// encodings differ: length-delimited fields print as text when printable, else as
/// nested messages when they parse as one, else as hex.
enum WireDump {
  /// One line per field, nested fields indented.
  static func lines(_ bytes: [UInt8], indent: String = "") -> [String] {
    guard let fields = parse(bytes) else { return [indent + "<malformed> " + hex(bytes)] }
    var lines: [String] = []
    for (number, value) in fields {
      switch value {
      case .varint(let v): lines.append("\(indent)\(number): \(v)")
      case .fixed(let v): lines.append("\(indent)\(number): fixed \(v)")
      case .bytes(let b):
        if !b.isEmpty, b.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
          lines.append("\(indent)\(number): \"\(String(decoding: b, as: UTF8.self))\"")
        } else if !b.isEmpty, parse(b) != nil {
          lines.append("\(indent)\(number) {")
          lines += self.lines(b, indent: indent + "  ")
          lines.append("\(indent)}")
        } else {
          lines.append("\(indent)\(number): bytes \(hex(b))")
        }
      }
    }
    return lines
  }

  /// The first differing line of the two dumps with a few lines of context.
  static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String {
    let a = lines(expected)
    let b = lines(actual)
    let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let context = max(0, index - 6)
    var report = "first difference at line \(index + 1):\n--- protoc\n"
    report += a[context..<min(a.count, index + 3)].joined(separator: "\n")
    report += "\n+++ DescriptorEncoder\n"
    report += b[context..<min(b.count, index + 3)].joined(separator: "\n")
    return report
  }

  private enum Value {
    case varint(UInt64)
    case fixed(UInt64)
    case bytes([UInt8])
  }

  private static func parse(_ bytes: [UInt8]) -> [(Int, Value)]? {
    var fields: [(Int, Value)] = []
    var i = 0
    func varint() -> UInt64? {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while i < bytes.count && shift < 64 {
        let b = bytes[i]
        i += 1
        result |= UInt64(b & 0x7F) << shift
        if b < 0x80 { return result }
        shift += 7
      }
      return nil
    }
    while i < bytes.count {
      guard let tag = varint(), tag >> 3 > 0 else { return nil }
      switch tag & 7 {
      case 0:
        guard let v = varint() else { return nil }
        fields.append((Int(tag >> 3), .varint(v)))
      case 1, 5:
        let width = tag & 7 == 1 ? 8 : 4
        guard i + width <= bytes.count else { return nil }
        var v: UInt64 = 0
        for k in 0..<width { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        i += width
        fields.append((Int(tag >> 3), .fixed(v)))
      case 2:
        guard let length = varint(), length <= UInt64(bytes.count - i) else { return nil }
        fields.append((Int(tag >> 3), .bytes(Array(bytes[i..<i + Int(length)]))))
        i += Int(length)
      default:
        return nil
      }
    }
    return fields
  }

  /// The length-delimited values of field `number` at the top level (for example
  /// the files of a `FileDescriptorSet`).
  static func repeatedBytes(_ number: Int, in bytes: [UInt8]) -> [[UInt8]] {
    (parse(bytes) ?? []).compactMap { field in
      if field.0 == number, case .bytes(let b) = field.1 { return b }
      return nil
    }
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16) }.joined(separator: " ")
  }
}
