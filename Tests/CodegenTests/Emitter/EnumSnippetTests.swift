// Golden snippets of enums (see `MessageSnippetTests` for how to re-bless with
// SLUICE_BLESS=1).
import Testing
@testable import SluiceCodegen

private typealias B = SchemaBuilder

@Suite("Enum snippets")
struct EnumSnippetTests {
  @Test func prefixStrippingAliasesAndKeywords() throws {
    let kind = B.enumeration(
      "sluice.test.EventKind",
      [
        B.value("EVENT_KIND_UNSPECIFIED", 0), B.value("EVENT_KIND_CLICK", 1), B.value("EVENT_KIND_TAP", 1),
        B.value("EVENT_KIND_DOUBLE_CLICK", 2), B.value("EVENT_KIND_404", 3),
      ],
      allowAlias: true)
    let mixed = B.enumeration("sluice.test.Mixed", [B.value("MIXED_A", 0), B.value("OTHER", 1)])
    let keywords = B.enumeration(
      "sluice.test.Keyword",
      [
        B.value("DEFAULT", 0), B.value("CLASS", 1), B.value("SELF", 2), B.value("UNRECOGNIZED", 3),
        B.value("TYPE", 4), B.value("IN", 5), B.value("PROTO_NAME", 6), B.value("NEGATIVE", -1),
        B.value("camelCase", 7),
      ])
    let file = B.file("sluice/test/enums.proto", package: "sluice.test", enums: [kind, mixed, keywords])
    Golden.check(try Snippet.render(file), golden: "Emitter/enums.swift")
  }

  @Test func nestedEnumInMessage() throws {
    let state = B.enumeration("sluice.test.Job.State", [B.value("STATE_IDLE", 0), B.value("STATE_RUNNING", 1)])
    let job = B.message("sluice.test.Job", fields: [B.field("state", 1, .enumeration("sluice.test.Job.State"))], enums: [state])
    let file = B.file("sluice/test/job.proto", package: "sluice.test", messages: [job])
    Golden.check(try Snippet.render(file), golden: "Emitter/nested_enum.swift")
  }
}
