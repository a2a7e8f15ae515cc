import Testing

/// The rapid-reset defence: a flood of opened-and-reset streams gets GOAWAY
/// ENHANCE_YOUR_CALM; clients that cancel many calls after (or between) answers do not.
@Suite struct RapidResetTests {
  @Test func aFloodIsCutOffAndCancellingClientsAreNot() async throws {
    try await ConnectionScript.expectPass(
      "connection_lifecycle.py",
      cases: ["reset_flood", "cancels_after_responses", "cancels_between_answered_calls"])
  }
}
