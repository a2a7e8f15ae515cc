/// How to reach and log in to MariaDB: one or more endpoints (tried in order: a Galera
/// cluster's nodes, or a primary and its standbys), credentials, database and timeouts.
///
/// Usually made from a URL with ``init(url:)``. Every connection this module opens also
/// sets the character set to `utf8mb4` and the session time zone to UTC (`+00:00`), so
/// `TIMESTAMP` columns read and write UTC.
public struct MariaDBConfiguration: Sendable, Hashable {
  /// The servers to try, in order; at least one.
  public var endpoints: [MariaDBEndpoint]
  /// The user name; `nil` lets the library use the login name of the process.
  public var user: String?
  /// The password; `nil` or empty for none.
  public var password: String?
  /// The default database (schema); `nil` for none.
  public var database: String?
  /// How long one connection attempt to one endpoint may take (whole seconds, at least 1).
  public var connectTimeout: Duration
  /// How long a read from the server may block before the connection counts as lost.
  public var readTimeout: Duration
  /// How long a write to the server may block before the connection counts as lost.
  public var writeTimeout: Duration

  /// Creates a configuration.
  public init(
    endpoints: [MariaDBEndpoint], user: String? = nil, password: String? = nil,
    database: String? = nil, connectTimeout: Duration = .seconds(5),
    readTimeout: Duration = .seconds(30), writeTimeout: Duration = .seconds(30)
  ) {
    self.endpoints = endpoints
    self.user = user
    self.password = password
    self.database = database
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.writeTimeout = writeTimeout
  }
}
