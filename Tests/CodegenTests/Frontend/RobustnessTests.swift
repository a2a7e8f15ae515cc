import Testing

@testable import SluiceCodegen

/// Bad input of any shape becomes diagnostics, never a crash or a hang.
@Suite struct RobustnessTests {
  private static let corpus = FrontendFixtures.frontendInputs + "/corpus"

  private func compileIgnoringErrors(_ text: String) {
    _ = try? compileSources(["t.proto": text])
  }

  @Test func everyPrefixOfTheCorpusFiles() throws {
    for name in FrontendFixtures.protoFiles(under: Self.corpus) {
      let bytes = Array(try FrontendFixtures.read(Self.corpus + "/" + name).utf8)
      for end in stride(from: 0, to: bytes.count, by: 9) {
        compileIgnoringErrors(String(decoding: bytes[..<end], as: UTF8.self))
      }
    }
  }

  @Test func tokenSoup() {
    let pieces = [
      "syntax", "=", "\"proto3\"", ";", "message", "enum", "service", "rpc", "oneof", "map", "<", ">", ",",
      "{", "}", "(", ")", "[", "]", "option", "reserved", "to", "max", "repeated", "optional", "returns",
      "stream", "1", "-", "0x", "1.5", "A", "b", ".", "import", "\"x.proto\"", "package", "extend", "group",
      "/*", "*/", "//", "\n", "\"\\", "'", "é", "\u{0}", "inf",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<300 {
      var text = "syntax = \"proto3\";\n"
      for _ in 0..<60 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(state >> 33) % pieces.count] + " "
      }
      compileIgnoringErrors(text)
    }
  }

  @Test func deepNestingIsRejected() {
    let depth = 150
    let text = "syntax = \"proto3\";\n" + String(repeating: "message M {", count: depth) + String(repeating: "}", count: depth)
    let diagnostics = diagnostics(of: text)
    #expect(diagnostics.first?.contains("messages are nested too deeply (more than 100 levels)") == true)
  }

  @Test func allowedNestingCompiles() {
    let depth = 100
    let text = "syntax = \"proto3\";\n" + String(repeating: "message M {", count: depth) + String(repeating: "}", count: depth)
    #expect(diagnostics(of: text).isEmpty)
  }
}
