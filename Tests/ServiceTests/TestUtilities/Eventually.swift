/// Runs `body` until it succeeds, pausing briefly between attempts, for at most `timeout`;
/// then returns its result or throws its last error.
func eventually<Result: Sendable>(
  timeout: Duration, _ body: () async throws -> Result
) async throws -> Result {
  let giveUp = ContinuousClock.now + timeout
  while true {
    do {
      return try await body()
    } catch {
      guard ContinuousClock.now < giveUp else { throw error }
      try await Task.sleep(for: .milliseconds(200))
    }
  }
}
