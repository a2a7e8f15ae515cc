import Testing

@testable import SluiceCodegen

@Suite struct LexerTests {
  private func tokens(_ text: String) -> [Token] {
    let (tokens, diagnostics) = Lexer.tokenize(text, file: "t.proto")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return tokens
  }

  private func diagnostics(_ text: String) -> [String] {
    Lexer.tokenize(text, file: "t.proto").diagnostics.map(\.description)
  }

  @Test func identifiersSymbolsAndEnd() {
    let t = tokens("message Foo_1 { }")
    #expect(t.map(\.kind) == [.identifier, .identifier, .symbol, .symbol, .endOfFile])
    #expect(t.map(\.text) == ["message", "Foo_1", "{", "}", ""])
  }

  @Test func integerLiteralsInEveryBase() {
    let t = tokens("0 42 0x2A 0X2a 052 18446744073709551615 18446744073709551616")
    #expect(t.dropLast().map(\.kind).allSatisfy { $0 == .integer })
    #expect(t.dropLast().map(\.integerValue) == [0, 42, 42, 42, 42, UInt64.max, nil])
  }

  @Test func floatLiterals() {
    let t = tokens("1.5 .5 1. 1e10 2E-3 3.25e+2")
    #expect(t.dropLast().map(\.kind).allSatisfy { $0 == .float })
    #expect(t.dropLast().map(\.floatValue) == [1.5, 0.5, 1.0, 1e10, 2e-3, 325])
  }

  @Test func infAndNanAreIdentifiers() {
    #expect(tokens("inf nan").dropLast().map(\.kind) == [.identifier, .identifier])
  }

  @Test func stringEscapes() {
    let t = tokens(#""\n\t\x41\101\u00e9\U0001F600" 'it''s' "\a\b\f\r\v\\\'\"\?" "\ud83d\ude00" "\x4" "\0""#)
    #expect(t[0].stringValue == Array("\n\tAAé😀".utf8))
    #expect(t[1].stringValue == Array("it".utf8))
    #expect(t[2].stringValue == Array("s".utf8))
    #expect(t[3].stringValue == [0x07, 0x08, 0x0C, 0x0D, 0x0B, 0x5C, 0x27, 0x22, 0x3F])
    #expect(t[4].stringValue == Array("😀".utf8))
    #expect(t[5].stringValue == [0x04])
    #expect(t[6].stringValue == [0x00])
  }

  @Test func bytesOfStringsNeedNotBeUTF8() {
    let t = tokens(#""\xff\377""#)
    #expect(t[0].stringValue == [0xFF, 0xFF])
  }

  @Test func locationsCountUnicodeScalars() {
    let t = tokens("\"é😀\" x\n  y")
    #expect(t[1].location == SourceLocation(file: "t.proto", line: 1, column: 6))
    #expect(t[2].location == SourceLocation(file: "t.proto", line: 2, column: 3))
  }

  @Test func byteOrderMarkIsSkipped() {
    let t = tokens("\u{FEFF}syntax")
    #expect(t[0].text == "syntax")
    #expect(t[0].location.column == 1)
  }

  @Test func commentsAreNotTokens() {
    let t = tokens("a // line\n/* block */ b /* x */ c")
    #expect(t.dropLast().map(\.text) == ["a", "b", "c"])
  }

  @Test func slashAloneIsASymbol() {
    #expect(tokens("a / b").map(\.text) == ["a", "/", "b", ""])
  }

  @Test func lexicalErrors() {
    #expect(diagnostics(#""abc"# + "\n") == ["t.proto:1:1: string literals cannot span lines"])
    #expect(diagnostics(#""abc"#) == ["t.proto:1:1: string literal is not closed"])
    #expect(diagnostics(#""\q""#) == [#"t.proto:1:2: invalid escape sequence "\q" in string literal"#])
    #expect(diagnostics(#""\U00110000""#) == [#"t.proto:1:2: expected eight hex digits up to 10ffff after "\U""#])
    #expect(diagnostics("09") == ["t.proto:1:2: numbers starting with a leading zero must be octal"])
    #expect(diagnostics("0x") == [#"t.proto:1:3: "0x" must be followed by hex digits"#])
    #expect(diagnostics("1e") == [#"t.proto:1:3: "e" must be followed by an exponent"#])
    #expect(diagnostics("1.2.3") == ["t.proto:1:4: a number cannot have a second decimal point or exponent"])
    #expect(diagnostics("0x1.5") == ["t.proto:1:4: hex and octal numbers must be integers"])
    #expect(diagnostics("12ab") == ["t.proto:1:3: a number must be followed by a space before an identifier"])
    #expect(diagnostics("a \u{1} b") == ["t.proto:1:3: invalid control character in schema text"])
    #expect(diagnostics("/* open") == ["t.proto:1:1: block comment is not closed"])
    #expect(diagnostics("/* a /* b */") == [#"t.proto:1:6: "/*" inside a block comment; block comments cannot be nested"#])
  }

  @Test func tokensWithErrorsAreMarked() {
    let (t, _) = Lexer.tokenize("09 ok", file: "t.proto")
    #expect(t[0].hasError)
    #expect(!t[1].hasError)
  }
}
