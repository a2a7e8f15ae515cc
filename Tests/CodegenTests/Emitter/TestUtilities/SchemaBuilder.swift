import Synchronization
@testable import SluiceCodegen

/// Short constructors for hand-built schema models, so emitter tests do not depend on
/// the parser. Locations count up so declaration order is kept.
enum SchemaBuilder {
  private static let nextLine = Atomic<Int>(1)

  /// A fresh location in `test.proto`, later than every earlier one.
  static func location() -> SourceLocation {
    SourceLocation(file: "test.proto", line: nextLine.add(1, ordering: .relaxed).oldValue, column: 1)
  }

  static func field(
    _ name: String, _ number: Int32, _ type: FieldType, label: FieldLabel = .singular,
    jsonName: String? = nil, oneof: Int? = nil, packed: Bool = true, deprecated: Bool = false,
    comments: Comments = Comments()
  ) -> FieldDescriptor {
    FieldDescriptor(
      name: name, number: number, label: label, type: type,
      jsonName: jsonName ?? SwiftNaming.protocCamelCase(name), hasExplicitJSONName: jsonName != nil,
      oneofIndex: oneof, isPacked: packed, isDeprecated: deprecated, comments: comments,
      location: location())
  }

  static func oneof(_ name: String, _ numbers: [Int32], synthetic: Bool = false, comments: Comments = Comments())
    -> OneofDescriptor
  {
    OneofDescriptor(name: name, fieldNumbers: numbers, isSynthetic: synthetic, comments: comments, location: location())
  }

  static func message(
    _ fullName: String, fields: [FieldDescriptor] = [], oneofs: [OneofDescriptor] = [],
    messages: [MessageDescriptor] = [], enums: [EnumDescriptor] = [], deprecated: Bool = false,
    comments: Comments = Comments()
  ) -> MessageDescriptor {
    MessageDescriptor(
      name: String(fullName.split(separator: ".").last ?? ""), fullName: fullName, fields: fields,
      oneofs: oneofs, messages: messages, enums: enums, isDeprecated: deprecated, comments: comments,
      location: location())
  }

  static func value(_ name: String, _ number: Int32, deprecated: Bool = false, comments: Comments = Comments())
    -> EnumValueDescriptor
  {
    EnumValueDescriptor(name: name, number: number, isDeprecated: deprecated, comments: comments, location: location())
  }

  static func enumeration(
    _ fullName: String, _ values: [EnumValueDescriptor], allowAlias: Bool = false,
    deprecated: Bool = false, comments: Comments = Comments()
  ) -> EnumDescriptor {
    EnumDescriptor(
      name: String(fullName.split(separator: ".").last ?? ""), fullName: fullName, values: values,
      allowAlias: allowAlias, isDeprecated: deprecated, comments: comments, location: location())
  }

  static func file(
    _ name: String, package: String, messages: [MessageDescriptor] = [], enums: [EnumDescriptor] = [],
    services: [ServiceDescriptor] = [], dependencies: [String] = [], options: [OptionValue] = []
  ) -> FileDescriptor {
    FileDescriptor(
      name: name, package: package, dependencies: dependencies, messages: messages, enums: enums,
      services: services, options: options)
  }

  /// A set whose only requested file is `file`, with `imports` before it.
  static func set(_ file: FileDescriptor, imports: [FileDescriptor] = []) -> SchemaSet {
    SchemaSet(files: imports + [file], requestedFiles: [file.name])
  }
}
