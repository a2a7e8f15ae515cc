extension DescriptorEncoder {
  /// `EnumDescriptorProto`: name 1, value 2, options 3, reserved_range 4 (end
  /// inclusive), reserved_name 5.
  static func encode(_ enumeration: EnumDescriptor, into writer: inout DescriptorWriter) {
    writer.writeString(1, enumeration.name)
    for value in enumeration.values {
      writer.writeMessage(2) { body in
        body.writeString(1, value.name)
        body.writeInt32(2, value.number)
        writeOptions(value.options, scope: .enumValue, field: 3, into: &body)
      }
    }
    writeOptions(enumeration.options, scope: .enumeration, field: 3, into: &writer)
    for range in enumeration.reservedRanges {
      writer.writeMessage(4) { body in
        body.writeInt32(1, range.lowerBound)
        body.writeInt32(2, range.upperBound)
      }
    }
    for name in enumeration.reservedNames { writer.writeString(5, name) }
  }
}
