/// Builds a ``FileNode`` from tokens by recursive descent, following protoc's grammar
/// for proto3. A statement with a syntax error is reported once and skipped (up to
/// its `;` or past its `{ ... }` block), so one run reports every statement's error.
struct Parser {
  /// Thrown after a syntax error has been recorded, to abandon the statement.
  struct Bail: Error {}

  private let tokens: [Token]
  private let source: [UInt8]
  private var index = 0
  private var diagnostics: [Diagnostic] = []
  /// Set once a file is known not to be proto3: later problems are not reported.
  private var isQuiet = false
  private var reportedEndOfFile = false
  /// Set when part of the file could not be parsed (a statement was skipped), so the
  /// tree may lack declarations and the file is not checked further.
  private var isDamaged = false
  /// The comment that leads the declaration starting after the last end of declaration.
  private var upcomingComment: String?
  /// How many messages enclose the current position.
  var messageDepth = 0
  /// The deepest message nesting accepted (deeper schemas are rejected rather than
  /// risking the stack).
  static let maxMessageDepth = 100

  private init(tokens: [Token], source: [UInt8]) {
    self.tokens = tokens
    self.source = source
    self.upcomingComment = tokens.first?.leadingComment
  }

  /// Parses a whole file. `path` names it in diagnostics. `isComplete` is false when
  /// lexical or syntax errors made the parser skip part of the file; problems that
  /// leave the tree whole (a proto2 label, a misplaced label) are reported but do
  /// not clear it.
  static func parse(_ text: String, path: String) -> (file: FileNode, diagnostics: [Diagnostic], isComplete: Bool) {
    let (tokens, lexerDiagnostics) = Lexer.tokenize(text, file: path)
    var parser = Parser(tokens: tokens, source: Array(text.utf8))
    let file = parser.parseFile(path: path)
    return (file, lexerDiagnostics + parser.diagnostics, lexerDiagnostics.isEmpty && !parser.isDamaged)
  }

  // MARK: Token access

  var current: Token { tokens[index] }

  func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

  var atEnd: Bool { current.kind == .endOfFile }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  func at(_ word: String) -> Bool { current.isIdentifier(word) }

  func atSymbol(_ symbol: String) -> Bool { current.isSymbol(symbol) }

  mutating func consumeSymbol(_ symbol: String) -> Bool {
    guard atSymbol(symbol) else { return false }
    advance()
    return true
  }

  // MARK: Errors

  mutating func report(_ message: String, at location: SourceLocation) {
    if !isQuiet { diagnostics.append(Diagnostic(message, at: location)) }
  }

  /// Records `expected <what>, found <current token>` and returns the bail-out error
  /// (nothing is recorded when the lexer already reported that token).
  mutating func expected(_ what: String) -> Bail {
    if !current.hasError { report("expected \(what), found \(current.quoted)", at: current.location) }
    return Bail()
  }

  mutating func expectSymbol(_ symbol: String) throws(Bail) {
    guard consumeSymbol(symbol) else { throw expected("\"\(symbol)\"") }
  }

  mutating func expectIdentifier(_ what: String) throws(Bail) -> Located<String> {
    guard current.kind == .identifier else { throw expected(what) }
    let token = advance()
    return Located(token.text, at: token.location)
  }

  /// A dotted name (`a.b.c`), with a leading `.` when `allowLeadingDot`.
  mutating func expectDottedName(_ what: String, allowLeadingDot: Bool) throws(Bail) -> Located<String> {
    let location = current.location
    var name = ""
    if allowLeadingDot && consumeSymbol(".") { name = "." }
    guard current.kind == .identifier else { throw expected(what) }
    name += advance().text
    while atSymbol(".") {
      advance()
      guard current.kind == .identifier else { throw expected("an identifier after \".\"") }
      name += "." + advance().text
    }
    return Located(name, at: location)
  }

  /// One or more adjacent string literals, concatenated.
  mutating func expectString(_ what: String) throws(Bail) -> Located<[UInt8]> {
    guard current.kind == .string else { throw expected(what) }
    let location = current.location
    var bytes: [UInt8] = []
    while current.kind == .string { bytes += advance().stringValue }
    return Located(bytes, at: location)
  }

  /// An integer with an optional `-`, as an Int64.
  mutating func expectSignedInteger(_ what: String) throws(Bail) -> Located<Int64> {
    let location = current.location
    let negative = consumeSymbol("-")
    guard current.kind == .integer else { throw expected(what) }
    let token = advance()
    guard let magnitude = token.integerValue,
      magnitude <= (negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max))
    else {
      if !token.hasError { report("integer \(negative ? "-" : "")\(token.text) is out of range", at: location) }
      throw Bail()
    }
    let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
    return Located(value, at: location)
  }

  // MARK: Declarations and recovery

  /// Consumes `symbol` ending a declaration, returning the declaration's comments
  /// (protoc: the leading comment saved at the previous end of declaration and the
  /// comment trailing this token).
  mutating func endDeclaration(_ symbol: String) throws(Bail) -> Comments {
    guard atSymbol(symbol) else { throw expected("\"\(symbol)\"") }
    return takeEndOfDeclaration()
  }

  /// Like ``endDeclaration(_:)`` when the current token is known to be the end.
  @discardableResult
  mutating func takeEndOfDeclaration() -> Comments {
    let token = advance()
    let comments = Comments(leading: upcomingComment ?? "", trailing: token.trailingComment ?? "")
    upcomingComment = current.leadingComment
    return comments
  }

  /// Skips the rest of a bad statement: up to and including `;`, or past a `{ ... }`
  /// block, or up to (not including) a `}` that closes the enclosing block.
  mutating func skipStatement() {
    isDamaged = true
    while !atEnd {
      if atSymbol(";") {
        takeEndOfDeclaration()
        return
      }
      if atSymbol("{") {
        advance()
        skipRestOfBlock()
        return
      }
      if atSymbol("}") { return }
      advance()
    }
  }

  private mutating func skipRestOfBlock() {
    var depth = 1
    while !atEnd {
      if atSymbol("}") {
        takeEndOfDeclaration()
        depth -= 1
        if depth == 0 { return }
      } else {
        if atSymbol("{") { depth += 1 }
        advance()
      }
    }
  }

  /// Reports a block left open at the end of the file (once per file).
  mutating func reportUnclosed(_ what: String) {
    isDamaged = true
    guard !reportedEndOfFile else { return }
    reportedEndOfFile = true
    report("reached end of file inside \(what) (missing \"}\")", at: current.location)
  }

  /// Source text of the tokens from `first` up to (not including) `end`, as written.
  func sourceText(fromToken first: Int, toToken end: Int) -> String {
    guard first < end else { return "" }
    let range = tokens[first].range.lowerBound..<tokens[end - 1].range.upperBound
    return String(decoding: source[range], as: UTF8.self)
  }

  var tokenIndex: Int { index }

  // MARK: File

  private mutating func parseFile(path: String) -> FileNode {
    var file = FileNode(path: path)
    parseSyntax(into: &file)
    while !atEnd {
      if atSymbol("}") {
        report("unmatched \"}\"", at: current.location)
        isDamaged = true
        takeEndOfDeclaration()
        continue
      }
      do {
        try parseTopLevelStatement(into: &file)
      } catch {
        skipStatement()
      }
    }
    return file
  }

  private mutating func parseSyntax(into file: inout FileNode) {
    if at("edition") {
      report("editions are not supported; only syntax \"proto3\" is", at: current.location)
      isQuiet = true
      isDamaged = true
      return
    }
    guard at("syntax") else {
      report("missing 'syntax = \"proto3\";' at the start of the file", at: current.location)
      return
    }
    do {
      advance()
      try expectSymbol("=")
      let syntax = try expectString("a syntax string such as \"proto3\"")
      let name = String(decoding: syntax.value, as: UTF8.self)
      file.syntax = Located(name, at: syntax.location)
      file.comments = try endDeclaration(";")
      if name != "proto3" {
        report(
          name == "proto2"
            ? "syntax \"proto2\" is not supported; only \"proto3\" is"
            : "unknown syntax \"\(name)\"; only \"proto3\" is supported", at: syntax.location)
        isQuiet = true
        isDamaged = true
      }
    } catch {
      skipStatement()
    }
  }

  private mutating func parseTopLevelStatement(into file: inout FileNode) throws(Bail) {
    guard current.kind == .identifier else {
      if atSymbol(";") {
        takeEndOfDeclaration()
        return
      }
      throw expectedTopLevel()
    }
    switch current.text {
    case "message": file.messages.append(try parseMessage())
    case "enum": file.enums.append(try parseEnum())
    case "service": file.services.append(try parseService())
    case "import": file.imports.append(try parseImport())
    case "package":
      let keyword = advance()
      let name = try expectDottedName("a package name", allowLeadingDot: false)
      _ = try endDeclaration(";")
      if file.package != nil {
        report("multiple package statements", at: keyword.location)
      } else {
        file.package = name
      }
    case "option": file.options.append(try parseOptionStatement())
    case "extend":
      report("\"extend\" is not allowed in proto3 (extensions are proto2 only)", at: current.location)
      throw Bail()
    case "syntax", "edition":
      report("\"\(current.text)\" must be the first statement of the file", at: current.location)
      throw Bail()
    default:
      throw expectedTopLevel()
    }
  }

  private mutating func expectedTopLevel() -> Bail {
    expected("a top-level declaration (\"message\", \"enum\", \"service\", \"import\", \"package\" or \"option\")")
  }

  private mutating func parseImport() throws(Bail) -> ImportNode {
    advance()
    var kind = ImportNode.Kind.plain
    if at("public") {
      kind = .public
      advance()
    } else if at("weak") {
      kind = .weak
      advance()
    }
    let name = try expectString("a file name in quotes")
    _ = try endDeclaration(";")
    return ImportNode(kind: kind, name: String(decoding: name.value, as: UTF8.self), location: name.location)
  }
}
