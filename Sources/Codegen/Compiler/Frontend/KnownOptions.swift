/// The options of `google/protobuf/descriptor.proto` (as of protoc 3.21) that the
/// compiler checks and encodes, by the kind of declaration they belong to.
/// Custom options (`(my.ext)`) are not listed: they are kept as written, unchecked.
enum KnownOptions {
  /// The kind of declaration an option is written on.
  enum Scope: Hashable, Sendable {
    case file, message, field, oneof, enumeration, enumValue, service, method

    /// How diagnostics name the scope ("unknown field option").
    var displayName: String {
      switch self {
      case .file: return "file"
      case .message: return "message"
      case .field: return "field"
      case .oneof: return "oneof"
      case .enumeration: return "enum"
      case .enumValue: return "enum value"
      case .service: return "service"
      case .method: return "method"
      }
    }
  }

  /// The type of an option's value.
  enum Kind: Sendable {
    case bool
    case string
    /// An enum of descriptor.proto: value names in declaration order, with numbers.
    case enumeration([(name: String, number: Int)])
  }

  /// An option field of one of the `*Options` messages.
  struct Option: Sendable {
    /// Field number in the `*Options` message.
    var number: Int
    var kind: Kind
  }

  /// The option called `name` on declarations of `scope`, if the compiler knows it.
  static func option(named name: String, in scope: Scope) -> Option? {
    table[scope]?[name]
  }

  /// The wire value of a checked option: 0/1 for bools, the enum number, the bytes
  /// of a string; nil when the value does not fit the option's kind.
  static func encodedValue(of value: Constant, kind: Kind) -> EncodedValue? {
    switch (kind, value) {
    case (.bool, .identifier("true")): return .varint(1)
    case (.bool, .identifier("false")): return .varint(0)
    case (.string, .string(let bytes)): return .bytes(bytes)
    case (.enumeration(let values), .identifier(let name)):
      return values.first { $0.name == name }.map { .varint(UInt64($0.number)) }
    default: return nil
    }
  }

  /// A checked option value ready to be written.
  enum EncodedValue: Hashable, Sendable {
    case varint(UInt64)
    case bytes([UInt8])
  }

  private static let optimizeMode: Kind = .enumeration([
    ("SPEED", 1), ("CODE_SIZE", 2), ("LITE_RUNTIME", 3),
  ])
  private static let cType: Kind = .enumeration([("STRING", 0), ("CORD", 1), ("STRING_PIECE", 2)])
  private static let jsType: Kind = .enumeration([("JS_NORMAL", 0), ("JS_STRING", 1), ("JS_NUMBER", 2)])
  private static let idempotencyLevel: Kind = .enumeration([
    ("IDEMPOTENCY_UNKNOWN", 0), ("NO_SIDE_EFFECTS", 1), ("IDEMPOTENT", 2),
  ])

  private static let table: [Scope: [String: Option]] = [
    .file: [
      "java_package": Option(number: 1, kind: .string),
      "java_outer_classname": Option(number: 8, kind: .string),
      "optimize_for": Option(number: 9, kind: optimizeMode),
      "java_multiple_files": Option(number: 10, kind: .bool),
      "go_package": Option(number: 11, kind: .string),
      "cc_generic_services": Option(number: 16, kind: .bool),
      "java_generic_services": Option(number: 17, kind: .bool),
      "py_generic_services": Option(number: 18, kind: .bool),
      "java_generate_equals_and_hash": Option(number: 20, kind: .bool),
      "deprecated": Option(number: 23, kind: .bool),
      "java_string_check_utf8": Option(number: 27, kind: .bool),
      "cc_enable_arenas": Option(number: 31, kind: .bool),
      "objc_class_prefix": Option(number: 36, kind: .string),
      "csharp_namespace": Option(number: 37, kind: .string),
      "swift_prefix": Option(number: 39, kind: .string),
      "php_class_prefix": Option(number: 40, kind: .string),
      "php_namespace": Option(number: 41, kind: .string),
      "php_generic_services": Option(number: 42, kind: .bool),
      "php_metadata_namespace": Option(number: 44, kind: .string),
      "ruby_package": Option(number: 45, kind: .string),
    ],
    .message: [
      "message_set_wire_format": Option(number: 1, kind: .bool),
      "no_standard_descriptor_accessor": Option(number: 2, kind: .bool),
      "deprecated": Option(number: 3, kind: .bool),
      "map_entry": Option(number: 7, kind: .bool),
    ],
    .field: [
      "ctype": Option(number: 1, kind: cType),
      "packed": Option(number: 2, kind: .bool),
      "deprecated": Option(number: 3, kind: .bool),
      "lazy": Option(number: 5, kind: .bool),
      "jstype": Option(number: 6, kind: jsType),
      "unverified_lazy": Option(number: 15, kind: .bool),
    ],
    .oneof: [:],
    .enumeration: [
      "allow_alias": Option(number: 2, kind: .bool),
      "deprecated": Option(number: 3, kind: .bool),
    ],
    .enumValue: ["deprecated": Option(number: 1, kind: .bool)],
    .service: ["deprecated": Option(number: 33, kind: .bool)],
    .method: [
      "deprecated": Option(number: 33, kind: .bool),
      "idempotency_level": Option(number: 34, kind: idempotencyLevel),
    ],
  ]
}
