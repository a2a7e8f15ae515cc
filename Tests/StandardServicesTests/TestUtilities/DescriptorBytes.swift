import SluiceRuntime

/// Hand-built `google.protobuf.FileDescriptorProto` encodings for tests, written field
/// by field with descriptor.proto's field numbers.
struct DescriptorBytes {
  private(set) var bytes: [UInt8] = []

  private mutating func varint(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7f) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// A string field.
  mutating func string(_ field: UInt64, _ value: String) {
    varint(field << 3 | 2)
    varint(UInt64(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  /// An int32 field.
  mutating func int32(_ field: UInt64, _ value: Int32) {
    varint(field << 3)
    varint(UInt64(bitPattern: Int64(value)))
  }

  /// An embedded message field, built by `body`.
  mutating func message(_ field: UInt64, _ body: (inout DescriptorBytes) -> Void) {
    var nested = DescriptorBytes()
    body(&nested)
    varint(field << 3 | 2)
    varint(UInt64(nested.bytes.count))
    bytes.append(contentsOf: nested.bytes)
  }

  /// A `FileDescriptorProto` with a name, package and imports; `body` adds declarations.
  static func file(
    _ name: String, package: String = "", imports: [String] = [],
    _ body: (inout DescriptorBytes) -> Void = { _ in }
  ) -> [UInt8] {
    var file = DescriptorBytes()
    file.string(1, name)
    if !package.isEmpty { file.string(2, package) }
    for dependency in imports { file.string(3, dependency) }
    body(&file)
    file.string(12, "proto3")
    return file.bytes
  }

  /// A `FieldDescriptorProto` named `name` (message field 2, or extension field 6/7
  /// when `extendee` is set).
  static func field(_ name: String, number: Int32, extendee: String? = nil)
    -> (inout DescriptorBytes) -> Void
  {
    { field in
      field.string(1, name)
      if let extendee { field.string(2, extendee) }
      field.int32(3, number)
    }
  }

  /// The `name` (field 1) of an encoded `FileDescriptorProto`.
  static func fileName(of bytes: [UInt8]) throws -> String {
    try bytes.withUnsafeBytes { buffer in
      var reader = ProtoReader(buffer: buffer)
      while let tag = try reader.readTag() {
        if tag == 10 { return try reader.readString() }
        try reader.skipField(tag: tag)
      }
      return ""
    }
  }

  /// The file names of encoded `FileDescriptorProto`s, in order.
  static func fileNames(of files: [[UInt8]]?) throws -> [String]? {
    try files.map { try $0.map(fileName(of:)) }
  }
}
