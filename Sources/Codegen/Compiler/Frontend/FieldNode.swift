/// A parsed field of a message or oneof.
struct FieldNode: Sendable {
  /// The label keyword as written.
  enum Label: Hashable, Sendable {
    case optional
    case repeated
    case required
  }

  var label: Located<Label>?
  var type: TypeNode
  var typeLocation: SourceLocation
  var name: String
  /// Where the name was written.
  var location: SourceLocation
  var number: Int64
  var numberLocation: SourceLocation
  var options: [OptionValue] = []
  var comments = Comments()
  /// Index into the message's ``MessageNode/oneofs`` for oneof members.
  var oneofIndex: Int?
}

/// A field type as written, before names are resolved.
indirect enum TypeNode: Hashable, Sendable {
  case scalar(ScalarType)
  /// A message or enum name as written (maybe with a leading `.`).
  case named(String)
  case map(key: Located<TypeNode>, value: Located<TypeNode>)

  /// The type as written in the schema.
  var spelling: String {
    switch self {
    case .scalar(let s): return s.rawValue
    case .named(let name): return name
    case .map(let key, let value): return "map<\(key.value.spelling), \(value.value.spelling)>"
    }
  }
}
