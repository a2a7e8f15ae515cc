/// Field cardinality as written in the schema.
public enum FieldLabel: Hashable, Sendable {
  /// Singular field with implicit presence (proto3 default).
  case singular
  /// `optional`: singular with explicit presence (a synthetic oneof in descriptors).
  case optional
  /// `repeated` (maps are repeated too, see ``FieldType/map(key:value:)``).
  case repeated
}

/// Leading and trailing comments attached to a declaration, with the comment markers
/// removed and lines joined by `\n`; empty when there are none. From each line one
/// space after the marker (`//`, `/*`, a leading `*`) is removed, trailing spaces
/// are dropped, and blank first and last lines are trimmed; deeper indentation is
/// kept. Attachment follows protoc (`SourceCodeInfo` leading/trailing comments).
public struct Comments: Hashable, Sendable {
  /// Comment block right before the declaration (not separated by a blank line).
  public var leading: String
  /// Comment on the same line after the declaration, or on the next line.
  public var trailing: String

  /// Creates comments.
  public init(leading: String = "", trailing: String = "") {
    self.leading = leading
    self.trailing = trailing
  }
}

/// An option as written (`[deprecated = true]`, `option java_package = "x";`), kept so
/// descriptors can carry options the compiler does not interpret itself.
public struct OptionValue: Hashable, Sendable {
  /// The option name as written, e.g. `deprecated`, `java_package`, `(my.ext).field`.
  public var name: String
  /// The value as a constant.
  public var value: Constant
  /// Where the option was written.
  public var location: SourceLocation

  /// Creates an option value.
  public init(name: String, value: Constant, location: SourceLocation) {
    self.name = name
    self.value = value
    self.location = location
  }
}

/// A constant in an option.
public enum Constant: Hashable, Sendable {
  case identifier(String)  // true, false, inf, nan, or an enum value name
  case integer(Int64)  // negative values allowed
  case unsignedInteger(UInt64)  // values above Int64.max
  case float(Double)
  case string([UInt8])  // after escape processing: arbitrary bytes
  case aggregate(String)  // `{ ... }` text form, kept verbatim
}

/// A checked field.
public struct FieldDescriptor: Hashable, Sendable {
  public var name: String  // as written, e.g. `event_id`
  public var number: Int32
  public var label: FieldLabel
  public var type: FieldType
  /// `json_name` option if given, else protoc's lowerCamelCase of `name`.
  public var jsonName: String
  /// Whether `json_name` was given explicitly.
  public var hasExplicitJSONName: Bool
  /// Index into the containing message's ``MessageDescriptor/oneofs`` (real or synthetic).
  public var oneofIndex: Int?
  /// Effective packing for repeated scalar/enum fields: true unless `[packed = false]`.
  public var isPacked: Bool
  public var isDeprecated: Bool
  /// Options as written (including json_name, packed, deprecated).
  public var options: [OptionValue]
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, number: Int32, label: FieldLabel, type: FieldType, jsonName: String,
    hasExplicitJSONName: Bool = false, oneofIndex: Int? = nil, isPacked: Bool = false,
    isDeprecated: Bool = false, options: [OptionValue] = [], comments: Comments = Comments(),
    location: SourceLocation
  ) {
    self.name = name
    self.number = number
    self.label = label
    self.type = type
    self.jsonName = jsonName
    self.hasExplicitJSONName = hasExplicitJSONName
    self.oneofIndex = oneofIndex
    self.isPacked = isPacked
    self.isDeprecated = isDeprecated
    self.options = options
    self.comments = comments
    self.location = location
  }
}

/// A oneof of a message. proto3 `optional` fields get a synthetic oneof named
/// `_<field>` (as protoc does), placed after all real oneofs.
public struct OneofDescriptor: Hashable, Sendable {
  public var name: String
  /// Numbers of the member fields, in declaration order.
  public var fieldNumbers: [Int32]
  /// Synthetic oneof of a proto3 `optional` field.
  public var isSynthetic: Bool
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, fieldNumbers: [Int32], isSynthetic: Bool, comments: Comments = Comments(),
    location: SourceLocation
  ) {
    self.name = name
    self.fieldNumbers = fieldNumbers
    self.isSynthetic = isSynthetic
    self.comments = comments
    self.location = location
  }
}

/// A reserved range of field or enum numbers, both ends inclusive.
public struct ReservedRange: Hashable, Sendable {
  public var lowerBound: Int32
  public var upperBound: Int32

  public init(_ lowerBound: Int32, _ upperBound: Int32) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  public func contains(_ n: Int32) -> Bool { n >= lowerBound && n <= upperBound }
}

/// A checked message.
public struct MessageDescriptor: Hashable, Sendable {
  public var name: String
  /// Fully qualified, without leading dot: `pkg.Outer.Inner`.
  public var fullName: String
  /// In declaration order (oneof members where they were written).
  public var fields: [FieldDescriptor]
  /// Real oneofs first, then synthetic ones, as protoc orders them.
  public var oneofs: [OneofDescriptor]
  public var messages: [MessageDescriptor]
  public var enums: [EnumDescriptor]
  public var reservedRanges: [ReservedRange]
  public var reservedNames: [String]
  public var isDeprecated: Bool
  public var options: [OptionValue]
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, fullName: String, fields: [FieldDescriptor] = [],
    oneofs: [OneofDescriptor] = [], messages: [MessageDescriptor] = [],
    enums: [EnumDescriptor] = [], reservedRanges: [ReservedRange] = [],
    reservedNames: [String] = [], isDeprecated: Bool = false, options: [OptionValue] = [],
    comments: Comments = Comments(), location: SourceLocation
  ) {
    self.name = name
    self.fullName = fullName
    self.fields = fields
    self.oneofs = oneofs
    self.messages = messages
    self.enums = enums
    self.reservedRanges = reservedRanges
    self.reservedNames = reservedNames
    self.isDeprecated = isDeprecated
    self.options = options
    self.comments = comments
    self.location = location
  }
}

/// A value of an enum.
public struct EnumValueDescriptor: Hashable, Sendable {
  public var name: String  // as written, e.g. `COLOR_RED`
  public var number: Int32
  public var isDeprecated: Bool
  public var options: [OptionValue]
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, number: Int32, isDeprecated: Bool = false, options: [OptionValue] = [],
    comments: Comments = Comments(), location: SourceLocation
  ) {
    self.name = name
    self.number = number
    self.isDeprecated = isDeprecated
    self.options = options
    self.comments = comments
    self.location = location
  }
}

/// A checked enum. The first value has number 0 (proto3 rule, checked).
public struct EnumDescriptor: Hashable, Sendable {
  public var name: String
  public var fullName: String
  /// In declaration order; aliases (same number) only when `allow_alias` is set.
  public var values: [EnumValueDescriptor]
  public var allowAlias: Bool
  public var reservedRanges: [ReservedRange]
  public var reservedNames: [String]
  public var isDeprecated: Bool
  public var options: [OptionValue]
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, fullName: String, values: [EnumValueDescriptor], allowAlias: Bool = false,
    reservedRanges: [ReservedRange] = [], reservedNames: [String] = [],
    isDeprecated: Bool = false, options: [OptionValue] = [], comments: Comments = Comments(),
    location: SourceLocation
  ) {
    self.name = name
    self.fullName = fullName
    self.values = values
    self.allowAlias = allowAlias
    self.reservedRanges = reservedRanges
    self.reservedNames = reservedNames
    self.isDeprecated = isDeprecated
    self.options = options
    self.comments = comments
    self.location = location
  }
}

/// `idempotency_level` of a method.
public enum IdempotencyLevel: Int, Hashable, Sendable {
  case unknown = 0
  case noSideEffects = 1
  case idempotent = 2
}

/// An rpc of a service.
public struct MethodDescriptor: Hashable, Sendable {
  public var name: String
  /// Fully qualified message names, without leading dot.
  public var inputType: String
  public var outputType: String
  public var clientStreaming: Bool
  public var serverStreaming: Bool
  public var idempotencyLevel: IdempotencyLevel
  public var isDeprecated: Bool
  public var options: [OptionValue]
  /// Whether the rpc was written with a `{ ... }` body rather than `;` (protoc then
  /// gives it an options message in descriptors, even an empty one).
  public var hasBody: Bool
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, inputType: String, outputType: String, clientStreaming: Bool,
    serverStreaming: Bool, idempotencyLevel: IdempotencyLevel = .unknown,
    isDeprecated: Bool = false, options: [OptionValue] = [], hasBody: Bool = false,
    comments: Comments = Comments(), location: SourceLocation
  ) {
    self.name = name
    self.inputType = inputType
    self.outputType = outputType
    self.clientStreaming = clientStreaming
    self.serverStreaming = serverStreaming
    self.idempotencyLevel = idempotencyLevel
    self.isDeprecated = isDeprecated
    self.options = options
    self.hasBody = hasBody
    self.comments = comments
    self.location = location
  }
}

/// A checked service.
public struct ServiceDescriptor: Hashable, Sendable {
  public var name: String
  /// `pkg.Service`.
  public var fullName: String
  public var methods: [MethodDescriptor]
  public var isDeprecated: Bool
  public var options: [OptionValue]
  public var comments: Comments
  public var location: SourceLocation

  public init(
    name: String, fullName: String, methods: [MethodDescriptor], isDeprecated: Bool = false,
    options: [OptionValue] = [], comments: Comments = Comments(), location: SourceLocation
  ) {
    self.name = name
    self.fullName = fullName
    self.methods = methods
    self.isDeprecated = isDeprecated
    self.options = options
    self.comments = comments
    self.location = location
  }
}

/// A checked schema file.
public struct FileDescriptor: Hashable, Sendable {
  /// The name other files import it by, e.g. `sluice/v1/ingest.proto`.
  public var name: String
  /// `package` (empty when none).
  public var package: String
  /// Imported file names, in order.
  public var dependencies: [String]
  /// Indexes into `dependencies` of `import public` ones.
  public var publicDependencies: [Int]
  /// Indexes into `dependencies` of `import weak` ones.
  public var weakDependencies: [Int]
  public var messages: [MessageDescriptor]
  public var enums: [EnumDescriptor]
  public var services: [ServiceDescriptor]
  /// File-level options as written (java_package, swift_prefix, ...).
  public var options: [OptionValue]
  /// Comment before `syntax`/`package` (the file's doc), if any.
  public var comments: Comments

  public init(
    name: String, package: String, dependencies: [String] = [],
    publicDependencies: [Int] = [], weakDependencies: [Int] = [],
    messages: [MessageDescriptor] = [], enums: [EnumDescriptor] = [],
    services: [ServiceDescriptor] = [], options: [OptionValue] = [],
    comments: Comments = Comments()
  ) {
    self.name = name
    self.package = package
    self.dependencies = dependencies
    self.publicDependencies = publicDependencies
    self.weakDependencies = weakDependencies
    self.messages = messages
    self.enums = enums
    self.services = services
    self.options = options
    self.comments = comments
  }
}
