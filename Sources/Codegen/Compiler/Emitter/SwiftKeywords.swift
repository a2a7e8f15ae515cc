/// Word lists the naming rules consult.
enum SwiftKeywords {
  /// Words that must be backticked to be used as identifiers (declarations, statements,
  /// expressions and types, plus the contextual words that trouble declarations).
  static let reserved: Set<String> = [
    // Declarations.
    "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension",
    "fileprivate", "func", "import", "init", "inout", "internal", "let", "nonisolated",
    "open", "operator", "package", "precedencegroup", "private", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var",
    // Statements.
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "switch", "throw", "where", "while",
    // Expressions and types.
    "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
    "try", "some", "any", "async", "actor", "consume", "copy", "each", "macro", "Type",
    "Protocol",
  ]

  /// Names a message's stored property may not take (they clash with members every
  /// generated message has or inherits); a trailing `_` is added.
  static let reservedMemberNames: Set<String> = [
    "unknownFields", "protoMessageName", "acceptsJSONNull", "serializedSize", "encode",
    "decodeMerging", "encodeJSON", "decodeJSONMerging", "serializedBytes", "jsonUTF8",
    "jsonString", "hashValue", "hash", "description", "debugDescription", "dynamicType",
    "init", "self", "Type", "Protocol",
  ]

  /// Names an enum case may not take; a trailing `_` is added.
  static let reservedCaseNames: Set<String> = [
    "unrecognized", "rawValue", "protoName", "protoEnumName", "knownCases", "allCases",
    "hashValue", "hash", "description", "debugDescription", "dynamicType", "init", "self",
    "Type", "Protocol",
  ]

  /// Names a generated type may not take when it is not prefixed (nested types and
  /// types of files without a package): Swift keywords, standard types generated code
  /// refers to unqualified, and the runtime's names. `Message` or `Enum` is appended.
  static let reservedTypeNames: Set<String> = reserved.union([
    "Array", "Bool", "Character", "Dictionary", "Double", "Equatable", "Error", "Float",
    "Hashable", "Hasher", "Int", "Int8", "Int16", "Int32", "Int64", "Never", "Optional",
    "Sendable", "Set", "String", "Substring", "Swift", "UInt", "UInt8", "UInt16", "UInt32",
    "UInt64", "Void",
    "JSONDecodingError", "JSONDecodingOptions", "JSONEncodingOptions", "JSONReader",
    "JSONWriter", "ProtoDecodingError", "ProtoDecodingOptions", "ProtoEnum", "ProtoIndirect",
    "ProtoMessage", "ProtoReader", "ProtoSize", "ProtoTypeRegistry", "ProtoWriter",
    "SluiceRuntime", "UnknownFields",
  ])

  /// Local names of generated methods; a top-level type without prefix may not take
  /// them either, since generated code names it unqualified next to those locals.
  static let generatedLocals: Set<String> = [
    "e", "entry", "entryKey", "entryTag", "existing", "k", "key", "m", "n", "reader", "size", "tag", "v",
    "value", "valueSize", "writer",
  ]
}
