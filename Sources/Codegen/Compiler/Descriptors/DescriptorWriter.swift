/// A small protobuf binary writer for descriptor messages: fields are appended in
/// the order the caller writes them (descriptor encoders write them by number, as
/// protoc does).
struct DescriptorWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  private mutating func writeVarint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  private mutating func writeTag(_ field: Int, wireType: Int) {
    writeVarint(UInt64(field << 3 | wireType))
  }

  /// A varint field holding a raw value.
  mutating func writeVarint(_ field: Int, _ value: UInt64) {
    writeTag(field, wireType: 0)
    writeVarint(value)
  }

  /// An `int32` field (negative values take ten bytes, sign-extended).
  mutating func writeInt32(_ field: Int, _ value: Int32) {
    writeVarint(field, UInt64(bitPattern: Int64(value)))
  }

  /// A `bool` field.
  mutating func writeBool(_ field: Int, _ value: Bool) {
    writeVarint(field, value ? 1 : 0)
  }

  /// A length-delimited field with raw bytes.
  mutating func writeBytes(_ field: Int, _ value: [UInt8]) {
    writeTag(field, wireType: 2)
    writeVarint(UInt64(value.count))
    bytes += value
  }

  /// A `string` field.
  mutating func writeString(_ field: Int, _ value: String) {
    writeBytes(field, Array(value.utf8))
  }

  /// A nested message field whose body `body` writes.
  mutating func writeMessage(_ field: Int, _ body: (inout DescriptorWriter) -> Void) {
    var nested = DescriptorWriter()
    body(&nested)
    writeBytes(field, nested.bytes)
  }
}
