/// One RPC client under test: it makes the benchmark's unary call (a 100-byte payload,
/// answered with a 100-byte payload) on one channel, from any number of tasks at once.
public protocol BenchClient: Sendable {
  /// Makes one call and checks its answer; throws when the call fails.
  func call() async throws

  /// Closes the channel.
  func shutdown() async
}

/// A response that is not what the benchmark asked for.
public struct UnexpectedResponse: Error, CustomStringConvertible {
  /// What was wrong.
  public var description: String

  /// Creates the error.
  public init(_ description: String) {
    self.description = description
  }
}
