import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("MultiRowInsert")
struct MultiRowInsertTests {
  static let createEvents = """
    CREATE TABLE events (
      stream VARBINARY(64) NOT NULL, id VARBINARY(64) NOT NULL, payload BLOB NOT NULL,
      received_at DATETIME(6) NOT NULL, PRIMARY KEY (stream, id)
    ) ENGINE=InnoDB
    """

  static func insert(rowsPerStatement: Int = 1_000) throws -> MultiRowInsert {
    try MultiRowInsert(
      table: "events", columns: ["stream", "id", "payload", "received_at"], keyColumns: ["stream", "id"],
      maximumRowsPerStatement: rowsPerStatement)
  }

  static func rows(_ keys: [(String, String)], payload: String = "p") -> MariaDBParameters {
    var parameters = MariaDBParameters()
    for (stream, id) in keys {
      parameters.append(bytes: Array(stream.utf8))
      parameters.append(bytes: Array(id.utf8))
      parameters.append(bytes: Array(payload.utf8))
      parameters.append(MariaDBTimestamp(microsecondsSinceEpoch: 1_700_000_000_000_001))
    }
    return parameters
  }

  @Test("reports per row: new rows, rows already stored, repeats within the call")
  func duplicatesPerRow() async throws {
    let database = try await TestDatabase.fresh("mri")
    defer { Task { await TestDatabase.drop(database) } }
    let insert = try Self.insert(rowsPerStatement: 3)
    let (first, second, stored) = try await withConnection(database) { connection in
      try connection.executeUnprepared(Self.createEvents)
      let first = try insert.insert(Self.rows([("s", "1"), ("s", "2"), ("t", "1")]), on: connection)
      // Spans three statements of at most three rows; repeats across and within statements.
      let second = try insert.insert(
        Self.rows(
          [("s", "2"), ("s", "3"), ("s", "3"), ("t", "1"), ("u", "9"), ("s", "1"), ("u", "9"), ("v", "1")],
          payload: "second"),
        on: connection)
      let stored = try connection.execute("SELECT stream, id, payload FROM events ORDER BY stream, id").rows
      return (first, second, stored)
    }
    #expect(first == [true, true, true])
    #expect(second == [false, true, false, false, true, false, false, true])
    #expect(stored.count == 6)
    // Duplicates never overwrite the stored row.
    let original = stored.first { $0[0] == .bytes(Array("s".utf8)) && $0[1] == .bytes(Array("1".utf8)) }
    #expect(original?[2] == .bytes(Array("p".utf8)))
  }

  @Test("a row that IGNORE would alter fails the statement instead")
  func alteredRowsAreErrors() async throws {
    let database = try await TestDatabase.fresh("mri")
    defer { Task { await TestDatabase.drop(database) } }
    let insert = try Self.insert()
    let count = try await withConnection(database) { connection in
      try connection.executeUnprepared(Self.createEvents)
      var parameters = Self.rows([("s", "1")])
      parameters.append(bytes: Array("s".utf8))
      parameters.appendNull()  // NULL into the NOT NULL key column: IGNORE would store "".
      parameters.append(bytes: [1])
      parameters.append(MariaDBTimestamp(microsecondsSinceEpoch: 0))
      let error = #expect(throws: MariaDBError.self) {
        try connection.transaction { try insert.insert(parameters, on: $0) }
      }
      #expect(error?.code == 1048)
      // Duplicates alone raise warnings too, and are not errors.
      _ = try insert.insert(Self.rows([("a", "1")]), on: connection)
      #expect(try insert.insert(Self.rows([("a", "1"), ("a", "1")]), on: connection) == [false, false])
      return try connection.execute("SELECT COUNT(*) FROM events").rows.first?[0]
    }
    #expect(count == .int(1))
  }

  /// The writer pool's batches end this way: nothing of the RETURNING result set may keep
  /// the transaction (or its row locks) alive past COMMIT.
  @Test("after COMMIT, INSERT ... RETURNING leaves no transaction and no lock behind")
  func returningEndsWithTheCommit() async throws {
    let database = try await TestDatabase.fresh("mri")
    defer { Task { await TestDatabase.drop(database) } }
    let insert = try MultiRowInsert(
      table: "items", columns: ["name"], keyColumns: ["name"], returning: ["seq"])
    try await onThread {
      let writer = try MariaDBConnection.connect(database)
      let other = try MariaDBConnection.connect(database)
      defer {
        writer.close()
        other.close()
      }
      try writer.executeUnprepared(
        "CREATE TABLE items (seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE)"
          + " ENGINE=InnoDB")
      try writer.transaction { try insert.insert([.string("z")], on: $0) }
      let returned = try writer.transaction {
        try insert.insertReturning([.string("a"), .string("z"), .string("b")], on: $0)
      }
      #expect(returned.map { $0 == nil } == [false, true, false])
      #expect(try writer.execute("SELECT @@in_transaction").rows.first?[0].int == 0)
      // Were the writer's transaction still open, its rows would still be locked.
      let locked = try other.execute("SELECT seq FROM items FOR UPDATE NOWAIT").rows.count
      #expect(locked == 3)
    }
  }

  @Test("identifiers are checked; a partial row is refused")
  func validation() async throws {
    #expect(throws: MariaDBError.self) {
      try MultiRowInsert(table: "events; DROP TABLE x", columns: ["a"], keyColumns: ["a"])
    }
    #expect(throws: MariaDBError.self) { try MultiRowInsert(table: "e", columns: ["a`b"], keyColumns: ["a`b"]) }
    #expect(throws: MariaDBError.self) { try MultiRowInsert(table: "e", columns: ["a"], keyColumns: ["b"]) }
    let insert = try MultiRowInsert(table: "db.e", columns: ["a", "b"], keyColumns: ["a"])
    #expect(insert.statement(rows: 2) == "INSERT IGNORE INTO `db`.`e` (`a`, `b`) VALUES (?, ?), (?, ?) RETURNING `a`")
    let wide = try MultiRowInsert(table: "e", columns: Array(repeating: "c", count: 100), keyColumns: ["c"])
    #expect(wide.rowsPerStatement == 655)

    let database = try await TestDatabase.fresh("mri")
    defer { Task { await TestDatabase.drop(database) } }
    let error = try await withConnection(database) { connection in
      #expect(throws: MariaDBError.self) { try insert.insert([.int(1)], on: connection) }
      return connection.isUsable
    }
    #expect(error)
  }
}
