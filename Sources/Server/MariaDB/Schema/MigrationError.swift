/// Why migrations could not be applied.
public struct MigrationError: Error, CustomStringConvertible {
  /// The reason.
  public enum Kind: Sendable, Hashable {
    /// The list is malformed: a version is not positive or appears twice.
    case invalidList
    /// Another process held the migration lock for longer than the timeout.
    case lockTimeout
    /// An applied migration's statements changed since it was applied.
    case checksumMismatch
    /// A statement of a migration failed.
    case statementFailed
    /// The database failed outside a migration's statements.
    case database
  }

  /// The reason.
  public var kind: Kind
  /// The migration concerned, if any.
  public var version: Int?
  /// What happened.
  public var message: String
  /// The database error behind it, if any.
  public var underlying: MariaDBError?

  /// `migration <version>: <message>: <underlying>`.
  public var description: String {
    var text = version.map { "migration \($0): \(message)" } ?? message
    if let underlying { text += ": \(underlying)" }
    return text
  }
}
