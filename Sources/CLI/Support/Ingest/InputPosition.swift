/// Where an event came from: which input (an index into the command's inputs) and which
/// line of it.
public struct InputPosition: Sendable, Hashable, Comparable {
  /// The input, as an index into the list of inputs.
  public var input: Int
  /// The line (1-based).
  public var line: Int

  /// The position of `line` in input number `input`.
  public init(input: Int, line: Int) {
    self.input = input
    self.line = line
  }

  /// Earlier inputs first, then earlier lines.
  public static func < (lhs: InputPosition, rhs: InputPosition) -> Bool {
    (lhs.input, lhs.line) < (rhs.input, rhs.line)
  }
}
