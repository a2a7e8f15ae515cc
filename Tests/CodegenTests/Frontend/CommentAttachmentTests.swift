import Testing

@testable import SluiceCodegen

/// Which comments lead and trail tokens, following protoc's documented rules
/// (descriptor.proto, `SourceCodeInfo.Location.leading_comments`).
@Suite struct CommentAttachmentTests {
  private func tokens(_ text: String) -> [Token] {
    Lexer.tokenize(text, file: "t.proto").tokens
  }

  @Test func protocDocumentationExample() {
    let text = """
      optional int32 foo = 1;  // Comment attached to foo.
      // Comment attached to bar.
      optional int32 bar = 2;

      optional string baz = 3;
      // Comment attached to baz.
      // Another line attached to baz.

      // Comment attached to moo.
      //
      // Another line attached to moo.
      optional double moo = 4;

      // Detached comment for corge. This is not leading or trailing comments
      // to moo or corge because there are blank lines separating it from
      // both.

      // Detached comment for corge paragraph 2.

      optional string corge = 5;
      /* Block comment attached
       * to corge.  Leading asterisks
       * will be removed. */
      /* Block comment attached to
       * grault. */
      optional int32 grault = 6;

      // ignored detached comments.
      """
    let t = tokens(text)
    func token(after index: Int, _ text: String) -> Token { t[index...].first { $0.text == text }! }
    let semicolons = t.indices.filter { t[$0].text == ";" }
    #expect(t[semicolons[0]].trailingComment == "Comment attached to foo.")
    #expect(token(after: semicolons[0] + 1, "optional").leadingComment == "Comment attached to bar.")
    #expect(t[semicolons[2]].trailingComment == "Comment attached to baz.\nAnother line attached to baz.")
    #expect(token(after: semicolons[2] + 1, "optional").leadingComment == "Comment attached to moo.\n\nAnother line attached to moo.")
    #expect(t[semicolons[3]].trailingComment == nil)
    #expect(token(after: semicolons[3] + 1, "optional").leadingComment == nil)
    #expect(t[semicolons[4]].trailingComment == "Block comment attached\nto corge.  Leading asterisks\nwill be removed.")
    #expect(token(after: semicolons[4] + 1, "optional").leadingComment == "Block comment attached to\ngrault.")
    #expect(t[semicolons[5]].trailingComment == nil)
  }

  @Test func lastBlockAboveLeads() {
    let t = tokens("a;\n\n// one\n\n// two\nb")
    #expect(t[2].leadingComment == "two")
  }

  @Test func lineCommentAfterBlockStartsNewBlock() {
    let t = tokens("a;\n\n/* block */\n// line\nb")
    #expect(t[2].leadingComment == "line")
  }

  @Test func commentBetweenTokensOnOneLineIsDetached() {
    let t = tokens("a /* c */ b")
    #expect(t[0].trailingComment == nil)
    #expect(t[1].leadingComment == nil)
  }

  @Test func commentBeforeClosingBraceTrailsOrIsDropped() {
    let t = tokens("a {\n  x;\n  // dangling\n}")
    #expect(t.last { $0.text == "}" }?.leadingComment == nil)
  }

  @Test func docCommentStarAndIndentationAreKept() {
    let t = tokens("a;\n\n/** Doc.\n *   indented\n */\nb")
    #expect(t[2].leadingComment == "Doc.\n  indented")
  }
}
