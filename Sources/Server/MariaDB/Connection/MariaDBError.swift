/// An error reported by MariaDB Connector/C or by the server, with MariaDB's error number.
///
/// Numbers 1000–1999 and 3000+ come from the server, 2000–2999 from the client library
/// (`errmsg.h`). ``kind`` sorts them by what a caller should do next.
public struct MariaDBError: Error, Hashable, CustomStringConvertible {
  /// What a caller should do about an error.
  public enum Kind: Sendable, Hashable {
    /// The connection is gone or unusable (server gone/lost, shut down, killed, node not
    /// ready): close it, reconnect (perhaps to another host) and retry.
    case connectionLost
    /// A unique or primary key already holds the value (1062, 1586).
    case duplicateKey
    /// The statement failed for a passing reason (deadlock, lock wait timeout): roll back
    /// and retry the transaction on the same connection.
    case transient
    /// Anything else: the statement or its data is at fault; retrying will not help.
    case other
  }

  /// MariaDB's error number (`mysql_errno`), such as 1062 or 2013.
  public var code: UInt32
  /// The five-character SQLSTATE, such as `23000`.
  public var sqlState: String
  /// The message from the library or server.
  public var message: String

  /// Creates an error from its parts.
  public init(code: UInt32, sqlState: String = "HY000", message: String) {
    self.code = code
    self.sqlState = sqlState
    self.message = message
  }

  /// How to react to this error; see ``Kind``.
  public var kind: Kind {
    switch code {
    case 1062, 1586: .duplicateKey
    case 1205, 1213: .transient
    // Too many connections, Galera node not ready, shutdown, aborted/killed connection,
    // network errors, client timeouts, and the client library's connection errors.
    case 1040, 1047, 1053, 1077, 1080, 1152, 1158...1161, 1184, 1927, 4031, 2001...2006, 2011...2013,
      2026, 2048, 2055:
      .connectionLost
    default: .other
    }
  }

  /// Whether the connection is gone (see ``Kind/connectionLost``).
  public var isConnectionLost: Bool { kind == .connectionLost }
  /// Whether the error is a duplicate key (1062).
  public var isDuplicateKey: Bool { kind == .duplicateKey }
  /// Whether retrying can succeed: after reconnecting (``isConnectionLost``) or on the same
  /// connection (``Kind/transient``).
  public var isRetryable: Bool { kind == .connectionLost || kind == .transient }

  /// `MariaDB error 1062 (23000): Duplicate entry ...`.
  public var description: String { "MariaDB error \(code) (\(sqlState)): \(message)" }
}

extension MariaDBError {
  /// Raised by this module when a connection is used after it was lost or closed.
  static func notConnected(_ detail: String) -> MariaDBError {
    MariaDBError(code: 2006, message: "not connected: \(detail)")
  }

  /// Raised by this module for misuse it detects itself (wrong parameter count and such).
  static func usage(_ message: String) -> MariaDBError {
    MariaDBError(code: 2034, sqlState: "HY000", message: message)
  }
}
