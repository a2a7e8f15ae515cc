/// Polls `condition` every 20 ms until it holds or `timeout` passes, then checks it once
/// more; returns whether it held.
public func eventually(
  timeout: Duration = .seconds(10), _ condition: () async throws -> Bool
) async rethrows -> Bool {
  let until = ContinuousClock.now + timeout
  while ContinuousClock.now < until {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return try await condition()
}

/// Runs `body` until it succeeds, pausing 200 ms between attempts, for at most `timeout`;
/// then returns its result or throws its last error.
public func eventually<Result: Sendable>(
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
