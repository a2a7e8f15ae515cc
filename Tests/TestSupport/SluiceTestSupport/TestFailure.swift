/// A test failure with a message (set-up problems, unexpected process results).
public struct TestFailure: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String

  /// A failure saying `description`.
  public init(description: String) {
    self.description = description
  }
}
