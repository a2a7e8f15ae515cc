import Testing

/// gRPC's early server closure: a status sent while the client still streams is followed
/// by RST_STREAM NO_ERROR, and only then.
@Suite struct EarlyCloseTests {
  @Test func statusBeforeTheClientFinishedIsFollowedByAReset() async throws {
    try await ConnectionScript.expectPass(
      "connection_lifecycle.py", cases: ["early_close", "no_reset_after_half_close"])
  }
}
