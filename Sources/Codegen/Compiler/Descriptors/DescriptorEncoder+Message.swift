extension DescriptorEncoder {
  /// `DescriptorProto`: name 1, field 2, nested_type 3, enum_type 4, options 7,
  /// oneof_decl 8, reserved_range 9, reserved_name 10.
  static func encode(_ message: MessageDescriptor, into writer: inout DescriptorWriter) {
    writer.writeString(1, message.name)
    for field in message.fields {
      writer.writeMessage(2) { encode(field, in: message, into: &$0) }
    }
    for nested in nestedTypes(of: message) {
      switch nested {
      case .message(let child): writer.writeMessage(3) { encode(child, into: &$0) }
      case .mapEntry(let field, let key, let value):
        writer.writeMessage(3) { encodeMapEntry(for: field, key: key, value: value, into: &$0) }
      }
    }
    for enumeration in message.enums {
      writer.writeMessage(4) { encode(enumeration, into: &$0) }
    }
    writeOptions(message.options, scope: .message, field: 7, into: &writer)
    for oneof in message.oneofs {
      writer.writeMessage(8) { $0.writeString(1, oneof.name) }
    }
    for range in message.reservedRanges {
      writer.writeMessage(9) { body in
        body.writeInt32(1, range.lowerBound)
        body.writeInt32(2, range.upperBound &+ 1)
      }
    }
    for name in message.reservedNames { writer.writeString(10, name) }
  }

  private enum NestedType {
    case message(MessageDescriptor)
    case mapEntry(FieldDescriptor, key: ScalarType, value: FieldType)
  }

  /// Nested messages and map entry messages in declaration order, as protoc's
  /// parser adds an entry type where its map field is written.
  private static func nestedTypes(of message: MessageDescriptor) -> [NestedType] {
    var items: [(location: SourceLocation, type: NestedType)] = message.messages.map { ($0.location, .message($0)) }
    for field in message.fields {
      if case .map(let key, let value) = field.type {
        items.append((field.location, .mapEntry(field, key: key, value: value)))
      }
    }
    return items.sorted { $0.location < $1.location }.map(\.type)
  }

  /// `FieldDescriptorProto`: name 1, number 3, label 4, type 5, type_name 6,
  /// options 8, oneof_index 9, json_name 10, proto3_optional 17.
  private static func encode(_ field: FieldDescriptor, in message: MessageDescriptor, into writer: inout DescriptorWriter) {
    writer.writeString(1, field.name)
    writer.writeInt32(3, field.number)
    writer.writeInt32(4, field.label == .repeated ? 3 : 1)
    writer.writeInt32(5, Int32(field.type.descriptorTypeNumber))
    if let typeName = typeName(of: field, in: message) { writer.writeString(6, typeName) }
    writeOptions(field.options, scope: .field, field: 8, into: &writer)
    if let oneofIndex = field.oneofIndex { writer.writeInt32(9, Int32(oneofIndex)) }
    writer.writeString(10, field.jsonName)
    if field.label == .optional { writer.writeBool(17, true) }
  }

  private static func typeName(of field: FieldDescriptor, in message: MessageDescriptor) -> String? {
    switch field.type {
    case .scalar: return nil
    case .message(let name), .enumeration(let name): return "." + name
    case .map: return "." + message.fullName + "." + ProtoNaming.mapEntryName(for: field.name)
    }
  }

  /// The `XxxEntry` message protoc synthesizes for a map field.
  private static func encodeMapEntry(
    for field: FieldDescriptor, key: ScalarType, value: FieldType, into writer: inout DescriptorWriter
  ) {
    writer.writeString(1, ProtoNaming.mapEntryName(for: field.name))
    writer.writeMessage(2) { body in
      body.writeString(1, "key")
      body.writeInt32(3, 1)
      body.writeInt32(4, 1)
      body.writeInt32(5, Int32(key.descriptorTypeNumber))
      body.writeString(10, "key")
    }
    writer.writeMessage(2) { body in
      body.writeString(1, "value")
      body.writeInt32(3, 2)
      body.writeInt32(4, 1)
      body.writeInt32(5, Int32(value.descriptorTypeNumber))
      switch value {
      case .message(let name), .enumeration(let name): body.writeString(6, "." + name)
      case .scalar, .map: break
      }
      body.writeString(10, "value")
    }
    writer.writeMessage(7) { $0.writeBool(7, true) }
  }
}
