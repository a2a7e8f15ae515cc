/// Splits a schema file into tokens as protoc's tokenizer does: identifiers,
/// decimal/hex/octal integers, floats, quoted strings with escapes and
/// one-character symbols. Comments are attached to tokens (see ``CommentCollector``).
/// Bad input becomes diagnostics; lexing always reaches the end of the file.
struct Lexer {
  private let bytes: [UInt8]
  private let file: String
  private var position = 0
  private var line = 1
  private var column = 1
  private var diagnostics: [Diagnostic] = []

  private init(text: String, file: String) {
    self.bytes = Array(text.utf8)
    self.file = file
  }

  /// The tokens of `text` (ending with an `.endOfFile` token) and the problems found.
  /// `file` is the name used in locations.
  static func tokenize(_ text: String, file: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(text: text, file: file)
    let tokens = lexer.tokenizeAll()
    return (tokens, lexer.diagnostics)
  }

  private mutating func tokenizeAll() -> [Token] {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    var tokens: [Token] = []
    var gap = scanGap(previousLine: nil)
    while true {
      let errorCount = diagnostics.count
      var token = scanToken()
      token.hasError = diagnostics.count > errorCount
      token.leadingComment = gap.leading.map { CommentText.normalize($0) }
      if !tokens.isEmpty {
        tokens[tokens.count - 1].trailingComment = gap.trailing.map { CommentText.normalize($0) }
      }
      tokens.append(token)
      if token.kind == .endOfFile { return tokens }
      gap = scanGap(previousLine: token.location.line)
    }
  }

  // MARK: Characters

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  private mutating func advance() {
    let byte = bytes[position]
    position += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard current == byte else { return false }
    advance()
    return true
  }

  private mutating func consume(while predicate: (UInt8) -> Bool) {
    while let c = current, predicate(c) { advance() }
  }

  private mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, at: location))
  }

  private func text(from start: Int) -> String {
    String(decoding: bytes[start..<position], as: UTF8.self)
  }

  // MARK: Comments and whitespace

  private enum CommentStart { case line, block, slash, none }

  private mutating func commentStart() -> CommentStart {
    guard current == UInt8(ascii: "/") else { return .none }
    switch peek(1) {
    case UInt8(ascii: "/"):
      advance()
      advance()
      return .line
    case UInt8(ascii: "*"):
      advance()
      advance()
      return .block
    default:
      return .slash
    }
  }

  private mutating func skipSpacesOnLine() { consume(while: CharacterClass.isSpaceNoNewline) }

  /// Consumes whitespace and comments up to the next token, deciding which comment
  /// trails the previous token and which leads the next one.
  private mutating func scanGap(previousLine: Int?) -> (trailing: String?, leading: String?) {
    var collector = CommentCollector()
    var trailingEndLine: Int?
    if previousLine == nil {
      collector.detachFromPrevious()
    } else {
      skipSpacesOnLine()
      switch commentStart() {
      case .line:
        trailingEndLine = line
        collector.addLineComment(readLineComment())
        collector.flush()
      case .block:
        collector.addBlockComment(readBlockComment())
        trailingEndLine = line
        skipSpacesOnLine()
        collector.flush()
      case .slash:
        return (collector.trailing, collector.leading)
      case .none:
        if !consume(UInt8(ascii: "\n")) { return (nil, nil) }
      }
    }
    while true {
      skipSpacesOnLine()
      switch commentStart() {
      case .line:
        collector.addLineComment(readLineComment())
      case .block:
        collector.addBlockComment(readBlockComment())
        skipSpacesOnLine()
        _ = consume(UInt8(ascii: "\n"))
      case .slash:
        return (collector.trailing, collector.leading)
      case .none:
        if consume(UInt8(ascii: "\n")) {
          collector.flush()
          collector.detachFromPrevious()
          continue
        }
        if let c = current {
          if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == UInt8(ascii: ")") {
            collector.flush()
          }
          if previousLine == line || trailingEndLine == line { collector.detachLoneComment() }
        } else {
          collector.flush()
        }
        return (collector.trailing, collector.leading)
      }
    }
  }

  /// After `//`: the rest of the line including its newline.
  private mutating func readLineComment() -> String {
    let start = position
    consume { $0 != UInt8(ascii: "\n") }
    _ = consume(UInt8(ascii: "\n"))
    return text(from: start)
  }

  /// After `/*`: the body up to `*/`, without the extra `*` of a `/**` doc comment
  /// and without the leading `*` of continuation lines.
  private mutating func readBlockComment() -> String {
    let startLocation = SourceLocation(file: file, line: line, column: column - 2)
    if current == UInt8(ascii: "*"), peek(1) != UInt8(ascii: "/") { advance() }
    var content = ""
    var recordStart = position
    while true {
      consume { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\n") }
      guard let c = current else {
        content += text(from: recordStart)
        error("block comment is not closed", at: startLocation)
        return content
      }
      if c == UInt8(ascii: "\n") {
        advance()
        content += text(from: recordStart)
        skipSpacesOnLine()
        if consume(UInt8(ascii: "*")) && consume(UInt8(ascii: "/")) { return content }
        recordStart = position
      } else if c == UInt8(ascii: "*") {
        advance()
        if current == UInt8(ascii: "/") {
          content += String(decoding: bytes[recordStart..<(position - 1)], as: UTF8.self)
          advance()
          return content
        }
      } else {
        let slash = location
        advance()
        if current == UInt8(ascii: "*") {
          error("\"/*\" inside a block comment; block comments cannot be nested", at: slash)
        }
      }
    }
  }

  // MARK: Tokens

  private mutating func scanToken() -> Token {
    let start = position
    let startLocation = location
    guard let c = current else {
      return Token(kind: .endOfFile, text: "", location: startLocation, range: start..<start)
    }
    if CharacterClass.isLetter(c) {
      consume(while: CharacterClass.isAlphanumeric)
      return Token(
        kind: .identifier, text: text(from: start), location: startLocation,
        range: start..<position)
    }
    if CharacterClass.isDigit(c)
      || (c == UInt8(ascii: ".") && peek(1).map(CharacterClass.isDigit) == true)
    {
      return scanNumber(start: start, location: startLocation)
    }
    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
      return scanString(quote: c, start: start, location: startLocation)
    }
    advance()
    if c < 0x20 || c == 0x7F {
      error("invalid control character in schema text", at: startLocation)
    } else if c >= 0x80 {
      consume { $0 & 0xC0 == 0x80 }
      error("unexpected character \"\(text(from: start))\"", at: startLocation)
    }
    return Token(
      kind: .symbol, text: text(from: start), location: startLocation, range: start..<position)
  }

  private mutating func scanNumber(start: Int, location startLocation: SourceLocation) -> Token {
    var isFloat = false
    var isDecimal = false
    if current == UInt8(ascii: ".") {
      advance()
      isFloat = true
      isDecimal = true
      consume(while: CharacterClass.isDigit)
    } else if current == UInt8(ascii: "0"), peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "X") {
      advance()
      advance()
      if current.map(CharacterClass.isHexDigit) != true {
        error("\"0x\" must be followed by hex digits", at: location)
      }
      consume(while: CharacterClass.isHexDigit)
    } else if current == UInt8(ascii: "0"), peek(1).map(CharacterClass.isDigit) == true {
      advance()
      consume { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
      if current.map(CharacterClass.isDigit) == true {
        error("numbers starting with a leading zero must be octal", at: location)
        consume(while: CharacterClass.isDigit)
      }
    } else {
      isDecimal = true
      consume(while: CharacterClass.isDigit)
      if consume(UInt8(ascii: ".")) {
        isFloat = true
        consume(while: CharacterClass.isDigit)
      }
    }
    if isDecimal, current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isFloat = true
      advance()
      if !consume(UInt8(ascii: "-")) { _ = consume(UInt8(ascii: "+")) }
      if current.map(CharacterClass.isDigit) != true {
        error("\"e\" must be followed by an exponent", at: location)
      }
      consume(while: CharacterClass.isDigit)
    }
    if let c = current, CharacterClass.isLetter(c) {
      error("a number must be followed by a space before an identifier", at: location)
    } else if current == UInt8(ascii: ".") {
      error(
        isFloat
          ? "a number cannot have a second decimal point or exponent"
          : "hex and octal numbers must be integers", at: location)
    }
    let literal = text(from: start)
    var token = Token(
      kind: isFloat ? .float : .integer, text: literal, location: startLocation,
      range: start..<position)
    if isFloat {
      token.floatValue = NumberLiteral.parseFloat(literal)
    } else {
      token.integerValue = NumberLiteral.parseInteger(literal)
    }
    return token
  }

  private mutating func scanString(quote: UInt8, start: Int, location startLocation: SourceLocation) -> Token {
    advance()
    var value: [UInt8] = []
    while true {
      guard let c = current else {
        error("string literal is not closed", at: startLocation)
        break
      }
      if c == UInt8(ascii: "\n") {
        error("string literals cannot span lines", at: startLocation)
        break
      }
      advance()
      if c == quote { break }
      if c == UInt8(ascii: "\\") {
        scanEscape(into: &value)
      } else {
        value.append(c)
      }
    }
    var token = Token(
      kind: .string, text: text(from: start), location: startLocation, range: start..<position)
    token.stringValue = value
    return token
  }

  /// After a backslash: decodes one escape sequence.
  private mutating func scanEscape(into value: inout [UInt8]) {
    let escapeLocation = SourceLocation(file: file, line: line, column: column - 1)
    guard let c = current, c != UInt8(ascii: "\n") else {
      error("a string literal cannot end with a backslash", at: escapeLocation)
      return
    }
    if let simple = StringEscape.simple(c) {
      advance()
      value.append(simple)
    } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7") {
      var code = 0
      for _ in 0..<3 {
        guard let d = current, d >= UInt8(ascii: "0") && d <= UInt8(ascii: "7") else { break }
        code = code * 8 + Int(d - UInt8(ascii: "0"))
        advance()
      }
      value.append(UInt8(truncatingIfNeeded: code))
    } else if c == UInt8(ascii: "x") {
      advance()
      guard let first = current.flatMap(CharacterClass.hexValue) else {
        error("expected hex digits after \"\\x\"", at: escapeLocation)
        return
      }
      advance()
      var code = first
      if let second = current.flatMap(CharacterClass.hexValue) {
        advance()
        code = code * 16 + second
      }
      value.append(UInt8(code))
    } else if c == UInt8(ascii: "u") || c == UInt8(ascii: "U") {
      advance()
      let digits = c == UInt8(ascii: "u") ? 4 : 8
      guard var scalar = readHex(digits: digits), scalar <= 0x10FFFF else {
        error(
          digits == 4
            ? "expected four hex digits after \"\\u\""
            : "expected eight hex digits up to 10ffff after \"\\U\"", at: escapeLocation)
        return
      }
      if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
        let saved = (position, line, column)
        advance()
        advance()
        if let low = readHex(digits: 4), (0xDC00..<0xE000).contains(low) {
          scalar = 0x10000 + ((scalar - 0xD800) << 10 | (low - 0xDC00))
        } else {
          (position, line, column) = saved
        }
      }
      StringEscape.appendUTF8(scalar, to: &value)
    } else {
      advance()
      error("invalid escape sequence \"\\\(Unicode.Scalar(c))\" in string literal", at: escapeLocation)
    }
  }

  private mutating func readHex(digits: Int) -> UInt32? {
    var result: UInt32 = 0
    for i in 0..<digits {
      guard let d = peek(i).flatMap(CharacterClass.hexValue) else { return nil }
      result = result << 4 | UInt32(d)
    }
    for _ in 0..<digits { advance() }
    return result
  }
}
