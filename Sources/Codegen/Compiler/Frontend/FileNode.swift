/// A parsed schema file, before names are resolved.
struct FileNode: Sendable {
  /// The name used in this file's diagnostics.
  var path: String
  /// The `syntax` string as written, if the statement is there.
  var syntax: Located<String>?
  var package: Located<String>?
  var imports: [ImportNode] = []
  var options: [OptionValue] = []
  var messages: [MessageNode] = []
  var enums: [EnumNode] = []
  var services: [ServiceNode] = []
  /// Comments of the `syntax` statement: the file's doc comment.
  var comments = Comments()

  init(path: String) { self.path = path }
}

/// An `import` statement.
struct ImportNode: Hashable, Sendable {
  /// `import`, `import public` or `import weak`.
  enum Kind: Hashable, Sendable {
    case plain
    case `public`
    case weak
  }

  var kind: Kind
  /// The imported file's name as written.
  var name: String
  /// Where the file name was written.
  var location: SourceLocation
}
