/// What the reflection index needs from one `google.protobuf.FileDescriptorProto`: the
/// file's name, imports, and every fully-qualified name it declares.
struct FileDescriptorSummary: Sendable, Hashable {
  /// What a declared name stands for.
  enum SymbolKind: Sendable, Hashable {
    case message, field, oneof, enumeration, enumValue, service, method, `extension`
  }

  /// One declared name, fully qualified without a leading dot (`pkg.Message.field`).
  struct Symbol: Sendable, Hashable {
    var name: String
    var kind: SymbolKind
  }

  /// An extension field: the message it extends (fully qualified, no leading dot) and
  /// its field number.
  struct ExtensionKey: Sendable, Hashable {
    var extendee: String
    var number: Int32
  }

  /// The file's name, such as `grpc/testing/test.proto`.
  var name = ""
  /// The file's package; empty when it has none.
  var package = ""
  /// The names of the files it imports, in order.
  var dependencies: [String] = []
  /// Everything it declares, in declaration order (a message before its members).
  var symbols: [Symbol] = []
  /// The extension fields it declares (proto2 extensions and custom options).
  var extensions: [ExtensionKey] = []

  /// `scope.name`, or `name` in the root scope.
  static func qualified(_ name: String, in scope: String) -> String {
    scope.isEmpty ? name : scope + "." + name
  }
}
