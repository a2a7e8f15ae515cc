internal import CMariaDB

/// One connection to a MariaDB server: owns a Connector/C handle and its prepared
/// statements.
///
/// Every call blocks the calling thread until the server answers, so use connections on
/// threads made for blocking work (``WriterPool`` and ``ReadPool`` own such threads), never
/// on an event loop or Swift concurrency's cooperative threads. A connection is used by one
/// thread at a time; it is not `Sendable`.
///
/// After an error whose ``MariaDBError/isConnectionLost`` is true the connection is dead:
/// ``isUsable`` turns false and the owner should replace it.
public final class MariaDBConnection {
  /// The endpoint this connection reached.
  public let endpoint: MariaDBEndpoint
  let handle: UnsafeMutablePointer<MYSQL>
  private var statements: [String: PreparedStatement] = [:]
  /// Statement texts in the order they were prepared, for evicting the oldest.
  private var statementOrder: [String] = []
  private(set) var isBroken = false
  private var isClosed = false

  /// How many prepared statements a connection keeps before closing the oldest.
  public static let statementCacheLimit = 64

  /// Connects to the first endpoint of `configuration` that accepts, trying each in turn.
  /// Throws the last endpoint's error when none does.
  public static func connect(_ configuration: MariaDBConfiguration) throws(MariaDBError)
    -> MariaDBConnection
  {
    try connect(configuration, startingAt: 0).connection
  }

  /// Connects trying endpoints in order from `first` (wrapping around); returns the
  /// connection and the index of the endpoint that accepted.
  static func connect(_ configuration: MariaDBConfiguration, startingAt first: Int) throws(MariaDBError)
    -> (connection: MariaDBConnection, endpointIndex: Int)
  {
    let endpoints = configuration.endpoints
    guard !endpoints.isEmpty else {
      throw MariaDBError(code: 2005, message: "the configuration names no endpoint")
    }
    var lastError = MariaDBError(code: 2003, message: "no endpoint accepted")
    for step in 0..<endpoints.count {
      let index = (first + step) % endpoints.count
      do {
        return (try MariaDBConnection(configuration, endpoint: endpoints[index]), index)
      } catch {
        lastError = error
      }
    }
    throw lastError
  }

  /// Connects to one endpoint.
  public init(_ configuration: MariaDBConfiguration, endpoint: MariaDBEndpoint) throws(MariaDBError) {
    try MariaDBLibrary.initialise()
    guard let handle = mysql_init(nil) else {
      throw MariaDBError(code: 2008, message: "out of memory in mysql_init")
    }
    self.handle = handle
    self.endpoint = endpoint

    func seconds(_ duration: Duration) -> UInt32 {
      UInt32(clamping: max(1, duration.components.seconds + (duration.components.attoseconds > 0 ? 1 : 0)))
    }
    _ = csluice_mysql_optionsv_uint(handle, MYSQL_OPT_CONNECT_TIMEOUT, seconds(configuration.connectTimeout))
    _ = csluice_mysql_optionsv_uint(handle, MYSQL_OPT_READ_TIMEOUT, seconds(configuration.readTimeout))
    _ = csluice_mysql_optionsv_uint(handle, MYSQL_OPT_WRITE_TIMEOUT, seconds(configuration.writeTimeout))
    _ = csluice_mysql_optionsv_bool(handle, MYSQL_OPT_RECONNECT, false)
    _ = csluice_mysql_optionsv_string(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
    _ = csluice_mysql_optionsv_string(handle, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'")

    let connected: UnsafeMutablePointer<MYSQL>?
    switch endpoint {
    case .tcp(let host, let port):
      _ = csluice_mysql_optionsv_uint(handle, MYSQL_OPT_PROTOCOL, MYSQL_PROTOCOL_TCP.rawValue)
      connected = mysql_real_connect(
        handle, host, configuration.user, configuration.password, configuration.database,
        UInt32(port), nil, 0)
    case .unixSocket(let path):
      _ = csluice_mysql_optionsv_uint(handle, MYSQL_OPT_PROTOCOL, MYSQL_PROTOCOL_SOCKET.rawValue)
      connected = mysql_real_connect(
        handle, "localhost", configuration.user, configuration.password, configuration.database,
        0, path, 0)
    }
    guard connected != nil else {
      var error = MariaDBError(handle: handle)
      error.message += " (\(endpoint))"
      // Fully initialised: deinit closes the handle.
      throw error
    }
  }

  deinit {
    close()
  }

  /// Whether the connection can still be used: false after it was lost or closed.
  public var isUsable: Bool { !isBroken }

  /// The server's version string, such as `10.11.19-MariaDB-0+deb12u1`.
  public var serverVersion: String { String(cString: mysql_get_server_info(handle)) }

  /// The server's id for this connection (`CONNECTION_ID()`), for `KILL` and logs.
  public var connectionID: UInt64 { UInt64(mysql_thread_id(handle)) }

  /// Checks the connection is alive with a round trip.
  public func ping() throws(MariaDBError) {
    try check(mysql_ping(handle) == 0)
  }

  /// Runs SQL text through the text protocol, without parameters, discarding any result
  /// set; returns the affected row count. For DDL and session statements written in code,
  /// never for SQL containing outside input: bind such values with ``execute(_:_:)``.
  @discardableResult
  public func executeUnprepared(_ sql: String) throws(MariaDBError) -> UInt64 {
    try ensureUsable()
    let status = sql.withCString { mysql_real_query(handle, $0, UInt(sql.utf8.count)) }
    try check(status == 0)
    var affected: UInt64 = 0
    repeat {
      if let result = mysql_store_result(handle) {
        mysql_free_result(result)
      } else {
        try check(mysql_errno(handle) == 0)
        affected = mysql_affected_rows(handle)
      }
    } while try nextResult()
    return affected
  }

  /// Prepares `sql` (or reuses this connection's prepared copy), binds `parameters` to its
  /// `?` placeholders and executes it; returns its rows, if any, and counters.
  @discardableResult
  public func execute(_ sql: String, _ parameters: MariaDBParameters = MariaDBParameters())
    throws(MariaDBError) -> MariaDBResult
  {
    try execute(sql, parameters, range: 0..<parameters.count)
  }

  /// ``execute(_:_:)`` binding only the values `range` of `parameters`; rows of a result
  /// set of exactly `skipRowsWhenCount` rows are counted, not decoded.
  func execute(
    _ sql: String, _ parameters: MariaDBParameters, range: Range<Int>, skipRowsWhenCount: Int? = nil
  ) throws(MariaDBError) -> MariaDBResult {
    try ensureUsable()
    let statement = try preparedStatement(sql)
    do {
      return try statement.execute(parameters, range: range, skipRowsWhenCount: skipRowsWhenCount)
    } catch {
      noteFailure(error)
      throw error
    }
  }

  /// ``execute(_:_:)`` with the parameters given as values.
  @discardableResult
  public func execute(_ sql: String, _ values: [MariaDBValue]) throws(MariaDBError) -> MariaDBResult {
    try execute(sql, MariaDBParameters(values))
  }

  /// Starts a transaction.
  public func begin() throws(MariaDBError) {
    try executeUnprepared("START TRANSACTION")
  }

  /// Commits the current transaction.
  public func commit() throws(MariaDBError) {
    try ensureUsable()
    try check(mysql_commit(handle) == 0)
  }

  /// Rolls the current transaction back.
  public func rollback() throws(MariaDBError) {
    try ensureUsable()
    try check(mysql_rollback(handle) == 0)
  }

  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
  /// (unless the connection is lost, when there is nothing left to roll back).
  @discardableResult
  public func transaction<T>(_ body: (MariaDBConnection) throws -> T) throws -> T {
    try begin()
    do {
      let value = try body(self)
      try commit()
      return value
    } catch {
      if isUsable { try? rollback() }
      throw error
    }
  }

  /// Closes the connection now rather than when the object is released.
  public func close() {
    guard !isClosed else { return }
    statements.removeAll()
    statementOrder.removeAll()
    mysql_close(handle)
    isClosed = true
    isBroken = true
  }

  private func preparedStatement(_ sql: String) throws(MariaDBError) -> PreparedStatement {
    if let statement = statements[sql] { return statement }
    let statement: PreparedStatement
    do {
      statement = try PreparedStatement(connection: handle, sql: sql)
    } catch {
      noteFailure(error)
      throw error
    }
    if statementOrder.count >= Self.statementCacheLimit {
      statements[statementOrder.removeFirst()] = nil
    }
    statements[sql] = statement
    statementOrder.append(sql)
    return statement
  }

  private func nextResult() throws(MariaDBError) -> Bool {
    let status = mysql_next_result(handle)
    if status > 0 { try check(false) }
    return status == 0
  }

  private func ensureUsable() throws(MariaDBError) {
    if isBroken { throw .notConnected("the connection to \(endpoint) was lost or closed") }
  }

  private func check(_ succeeded: Bool) throws(MariaDBError) {
    guard !succeeded else { return }
    let error = MariaDBError(handle: handle)
    noteFailure(error)
    throw error
  }

  private func noteFailure(_ error: MariaDBError) {
    if error.isConnectionLost { isBroken = true }
  }
}

extension MariaDBError {
  /// The connection handle's last error.
  init(handle: UnsafeMutablePointer<MYSQL>) {
    self.init(
      code: mysql_errno(handle), sqlState: String(cString: mysql_sqlstate(handle)),
      message: String(cString: mysql_error(handle)))
  }
}
