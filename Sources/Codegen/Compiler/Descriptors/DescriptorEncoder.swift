/// Encodes checked files as `google.protobuf.FileDescriptorProto` bytes, exactly as
/// protoc writes them for plugins and `--descriptor_set_out` (`json_name` on every
/// field, synthesized map entry messages, no `source_code_info`). Options are
/// encoded when descriptor.proto defines them; custom options are left out.
public enum DescriptorEncoder {
  /// The `FileDescriptorProto` bytes of `file`. `set` is the compilation the file
  /// belongs to; the file's checked types already carry every name the encoding needs.
  public static func fileDescriptorProto(_ file: FileDescriptor, in set: SchemaSet) -> [UInt8] {
    var writer = DescriptorWriter()
    writer.writeString(1, file.name)
    if !file.package.isEmpty { writer.writeString(2, file.package) }
    for dependency in file.dependencies { writer.writeString(3, dependency) }
    for message in file.messages {
      writer.writeMessage(4) { encode(message, into: &$0) }
    }
    for enumeration in file.enums {
      writer.writeMessage(5) { encode(enumeration, into: &$0) }
    }
    for service in file.services {
      writer.writeMessage(6) { encode(service, into: &$0) }
    }
    writeOptions(file.options, scope: .file, field: 8, into: &writer)
    for index in file.publicDependencies { writer.writeInt32(10, Int32(index)) }
    for index in file.weakDependencies { writer.writeInt32(11, Int32(index)) }
    writer.writeString(12, "proto3")
    return writer.bytes
  }

  /// Writes the options descriptor.proto defines, in field-number order, as the
  /// `*Options` message at `field`; nothing when there are none, unless `always`.
  static func writeOptions(
    _ options: [OptionValue], scope: KnownOptions.Scope, field: Int, into writer: inout DescriptorWriter,
    always: Bool = false
  ) {
    var entries: [(number: Int, value: KnownOptions.EncodedValue)] = []
    for option in options {
      guard let known = KnownOptions.option(named: option.name, in: scope),
        let value = KnownOptions.encodedValue(of: option.value, kind: known.kind)
      else { continue }
      entries.append((known.number, value))
    }
    guard !entries.isEmpty || always else { return }
    writer.writeMessage(field) { body in
      for entry in entries.sorted(by: { $0.number < $1.number }) {
        switch entry.value {
        case .varint(let value): body.writeVarint(entry.number, value)
        case .bytes(let bytes): body.writeBytes(entry.number, bytes)
        }
      }
    }
  }
}
