/// One token of a schema file, with the comments protoc would attach around it.
struct Token: Sendable {
  /// What kind of token this is.
  enum Kind: Hashable, Sendable {
    case identifier
    case integer
    case float
    case string
    case symbol
    case endOfFile
  }

  var kind: Kind
  /// The source text of the token (for strings: the literal with its quotes).
  var text: String
  /// Where the token starts.
  var location: SourceLocation
  /// Byte offsets of the token in the file's UTF-8, end exclusive.
  var range: Range<Int>
  /// Integer tokens: the value, or nil when it does not fit in 64 bits.
  var integerValue: UInt64? = nil
  /// Float tokens: the value.
  var floatValue: Double = 0
  /// String tokens: the bytes after escape processing.
  var stringValue: [UInt8] = []
  /// Whether the lexer reported a problem inside this token (the parser then does
  /// not report the token again).
  var hasError = false
  /// The comment block right before this token that protoc would attach to it.
  var leadingComment: String? = nil
  /// The comment right after this token (same line, or the next block not
  /// separated by a blank line) that protoc would attach to it as trailing.
  var trailingComment: String? = nil

  /// Whether this is the symbol `s`.
  func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

  /// Whether this is the identifier (keyword) `word`.
  func isIdentifier(_ word: String) -> Bool { kind == .identifier && text == word }

  /// How the token is shown in "found ..." parts of syntax errors.
  var quoted: String {
    switch kind {
    case .endOfFile: return "end of file"
    case .string: return "string \(text)"
    default: return "\"\(text)\""
    }
  }
}
