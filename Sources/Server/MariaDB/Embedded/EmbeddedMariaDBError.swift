/// Why the embedded server could not start.
public struct EmbeddedMariaDBError: Error, CustomStringConvertible {
  /// What went wrong.
  public var message: String
  /// The end of the server's or installer's log, when it explains more.
  public var log: String

  /// Creates an error.
  public init(message: String, log: String = "") {
    self.message = message
    self.log = log
  }

  /// The message, then the log excerpt.
  public var description: String {
    log.isEmpty ? message : "\(message)\n--- log ---\n\(log)"
  }
}
