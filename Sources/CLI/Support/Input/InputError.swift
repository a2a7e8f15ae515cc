/// A line of input that could not become an event: where and why.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The line (1-based) the problem is on.
  public var line: Int
  /// What is wrong.
  public var reason: String

  /// An error on `line`.
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `line N: reason`.
  public var description: String { "line \(line): \(reason)" }
}
