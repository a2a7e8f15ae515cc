import SluiceRuntime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output, buffered: lines collect until ``threshold`` bytes or ``flush()``.
struct OutputBuffer {
  /// Bytes collected before they are written.
  static let threshold = 64 * 1024
  private var bytes: [UInt8] = []

  /// Appends `text` and a line break.
  mutating func line(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    bytes.append(UInt8(ascii: "\n"))
    if bytes.count >= Self.threshold { flush() }
  }

  /// Appends the proto3 JSON of `message` as one line.
  mutating func jsonLine(_ message: some ProtoMessage) throws(JSONEncodingError) {
    bytes.append(contentsOf: try message.jsonUTF8())
    bytes.append(UInt8(ascii: "\n"))
    if bytes.count >= Self.threshold { flush() }
  }

  /// Writes what was collected.
  mutating func flush() {
    guard !bytes.isEmpty else { return }
    Console.writeAll(STDOUT_FILENO, bytes)
    bytes.removeAll(keepingCapacity: true)
  }
}
