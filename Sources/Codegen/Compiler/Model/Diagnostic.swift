/// One problem found in a schema, reported as `file:line:column: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong, in one sentence without a trailing period.
  public var message: String

  /// Creates a diagnostic.
  public init(_ message: String, at location: SourceLocation) {
    self.location = location
    self.message = message
  }

  /// `file:line:column: message`.
  public var description: String { "\(location): \(message)" }
}

/// The diagnostics of a failed compilation, in source order.
public struct CompilationFailure: Error, Sendable, CustomStringConvertible {
  /// Every problem found, sorted by location.
  public var diagnostics: [Diagnostic]

  /// Creates a failure from diagnostics; they are sorted by location.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sorted { $0.location < $1.location }
  }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
