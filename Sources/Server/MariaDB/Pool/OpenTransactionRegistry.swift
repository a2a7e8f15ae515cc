/// Tells readers exactly which registered write transactions are open right now, across
/// every process writing to the database, without locking and without guessing how long
/// a transaction may take.
///
/// A reader that must not miss rows committing late (a tail reading by AUTO_INCREMENT
/// sequence) needs to know when every transaction that may still commit a row below what
/// it has seen has ended. `information_schema.INNODB_TRX` cannot tell it: InnoDB serves that
/// table (with `INNODB_LOCKS` and `INNODB_LOCK_WAITS`) from a cache it refreshes only after
/// nobody has read it for 100 ms (`CACHE_MIN_IDLE_TIME_US` in `trx0i_s.cc`). A poller reading
/// it every 20 ms, or a few servers polling every 100 ms, keep that cache frozen: it lists a
/// transaction committed minutes ago as `RUNNING` and never shows transactions begun since.
///
/// Instead each writer transaction registers itself first, with ``register(on:)``: an upsert
/// of its connection's row in ``table`` that raises the row's `generation`. The new value
/// stays uncommitted, and the row locked, until the transaction ends. ``openTransactions(on:)``
/// reads the table twice, neither read locking nor waiting: first *dirty* (`READ
/// UNCOMMITTED`: the newest values, open transactions' included), then committed. A writer
/// whose newest generation is above its committed one has a transaction open, named by
/// (writer, newest generation).
///
/// The guarantee: a transaction that registered before ``openTransactions(on:)`` began and
/// had not ended before its second read is reported. A reported transaction was open during
/// the first read, or rolled back since (reporting it only makes readers wait a poll longer).
///
/// Writers are keyed by `CONNECTION_ID()`, unique among one server's live connections. Rows
/// of writers idle for ``idleRowLifetime`` are deleted by readers (a writer's next
/// transaction adds its row again). With Galera, a node does not see other nodes' open
/// transactions: writers and readers relying on this must use one node.
public struct OpenTransactionRegistry: Sendable {
  /// The table of writers, as given (`table` or `schema.table`).
  public let table: String
  /// How long a writer's row stays after its last transaction ended.
  public let idleRowLifetime: Duration
  private let quotedTable: String

  /// A registry kept in `table` (see ``createTableStatement``); throws when a name part is
  /// not a plain identifier.
  public init(table: String, idleRowLifetime: Duration = .seconds(3_600)) throws(MariaDBError) {
    let parts = table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    for part in parts where !SQLIdentifier.isPlain(part) {
      throw .usage("\"\(part)\" is not a plain identifier")
    }
    self.table = table
    self.idleRowLifetime = max(.seconds(1), idleRowLifetime)
    quotedTable = parts.map { "`\($0)`" }.joined(separator: ".")
  }

  /// Creates the table when it does not exist. Its layout is part of the schema of whoever
  /// uses the registry (a migration runs this text): change it only with a new migration.
  public var createTableStatement: String {
    """
    CREATE TABLE IF NOT EXISTS \(quotedTable) (
      writer BIGINT UNSIGNED NOT NULL,
      generation BIGINT UNSIGNED NOT NULL,
      updated_at DATETIME(6) NOT NULL,
      PRIMARY KEY (writer)
    ) ENGINE=InnoDB
    """
  }

  /// Registers the transaction open on `connection` until it commits or rolls back. Run
  /// it as the transaction's first statement, before anything readers must wait for
  /// (such as taking AUTO_INCREMENT values); outside a transaction it registers nothing
  /// lasting.
  public func register(on connection: MariaDBConnection) throws(MariaDBError) {
    try connection.execute(
      "INSERT INTO \(quotedTable) (writer, generation, updated_at) VALUES (CONNECTION_ID(), 1, NOW(6))"
        + " ON DUPLICATE KEY UPDATE generation = generation + 1, updated_at = NOW(6)")
  }

  /// The registered transactions open now. Run it on a connection in autocommit mode
  /// with no transaction open (as ``ReadPool`` connections are). When a read fails, the
  /// connection's next transaction is set back to `READ COMMITTED` (or the connection is
  /// closed if that fails too), so no later read on it is dirty.
  public func openTransactions(on connection: MariaDBConnection) throws(MariaDBError)
    -> Set<RegisteredTransaction>
  {
    let newest: [UInt64: UInt64]
    let committed: [MariaDBRow]
    do {
      // Applies to the next transaction only: the autocommit SELECT right after it.
      try connection.executeUnprepared("SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED")
      newest = try Self.generations(
        connection.execute("SELECT SQL_NO_CACHE writer, generation FROM \(quotedTable)").rows)
      committed = try connection.execute(
        "SELECT writer, generation, updated_at < NOW(6) - INTERVAL \(idleRowLifetime.components.seconds)"
          + " SECOND FROM \(quotedTable)"
      ).rows
    } catch {
      if (try? connection.executeUnprepared("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")) == nil {
        connection.close()
      }
      throw error
    }
    let committedGenerations = Self.generations(committed)
    var open: Set<RegisteredTransaction> = []
    for (writer, generation) in newest where generation > committedGenerations[writer] ?? 0 {
      open.insert(RegisteredTransaction(writer: writer, number: generation))
    }
    let idle = committed.compactMap { row -> UInt64? in
      guard let writer = row[0].uint, row[2].int == 1, newest[writer] == row[1].uint else { return nil }
      return writer
    }
    if !idle.isEmpty {
      deleteRows(of: idle, on: connection)
    }
    return open
  }

  /// Deletes the rows of writers idle for long, skipping (not waiting for) rows a writer
  /// locked meanwhile. Best effort: a failure leaves the rows for a later read.
  private func deleteRows(of writers: [UInt64], on connection: MariaDBConnection) {
    let list = writers.prefix(500).map(String.init).joined(separator: ", ")
    _ = try? connection.executeUnprepared(
      "SET STATEMENT innodb_lock_wait_timeout = 0 FOR DELETE FROM \(quotedTable) WHERE writer IN (\(list))"
        + " AND updated_at < NOW(6) - INTERVAL \(idleRowLifetime.components.seconds) SECOND")
  }

  private static func generations(_ rows: [MariaDBRow]) -> [UInt64: UInt64] {
    var generations: [UInt64: UInt64] = [:]
    for row in rows {
      if let writer = row[0].uint, let generation = row[1].uint { generations[writer] = generation }
    }
    return generations
  }
}
