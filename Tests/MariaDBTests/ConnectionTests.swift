import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("MariaDBConnection")
struct ConnectionTests {
  @Test("every parameter type round-trips through a prepared statement")
  func roundTrip() async throws {
    let database = try await TestDatabase.fresh("conn")
    defer { Task { await TestDatabase.drop(database) } }
    let instant = try #require(
      MariaDBTimestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 58, microsecond: 123_456))
    let bytes: [UInt8] = [0, 1, 2, 0xff, 0, 0x80]
    let rows = try await withConnection(database) { connection in
      try connection.executeUnprepared(
        """
        CREATE TABLE everything (
          id INT NOT NULL PRIMARY KEY, small TINYINT, big BIGINT, ubig BIGINT UNSIGNED, real_value DOUBLE,
          text_value VARCHAR(100), blob_value VARBINARY(100), at DATETIME(6), stamp TIMESTAMP(6) NULL,
          day DATE, price DECIMAL(10, 2), flag BOOLEAN
        ) ENGINE=InnoDB
        """)
      var parameters = MariaDBParameters()
      parameters.append(1)
      parameters.append(Int64(-128))
      parameters.append(Int64.min)
      parameters.append(UInt64.max)
      parameters.append(-1.5e300)
      parameters.append("héllo, wörld ✓ 🎉")
      parameters.append(bytes: bytes)
      parameters.append(instant)
      parameters.append(instant)
      parameters.append(instant)
      parameters.append("12345.67")
      parameters.append(true)
      let insert = try connection.execute(
        "INSERT INTO everything VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", parameters)
      #expect(insert.affectedRows == 1)
      try connection.execute(
        "INSERT INTO everything VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [.int(2), .null, .null, .null, .null, .string(""), .bytes([]), .null, .null, .null, .null, .null])
      return try connection.execute("SELECT * FROM everything WHERE id >= ? ORDER BY id", [.int(1)]).rows
    }
    try #require(rows.count == 2)
    let full = rows[0]
    #expect(full.columns.names.first == "id")
    #expect(full["small"] == .int(-128))
    #expect(full["big"] == .int(Int64.min))
    #expect(full["ubig"] == .uint(UInt64.max))
    #expect(full["real_value"] == .double(-1.5e300))
    #expect(full["text_value"] == .string("héllo, wörld ✓ 🎉"))
    #expect(full["blob_value"] == .bytes(bytes))
    #expect(full["at"] == .timestamp(instant))
    #expect(full["stamp"] == .timestamp(instant))
    #expect(full["day"] == .timestamp(MariaDBTimestamp(year: 2024, month: 2, day: 29)!))
    #expect(full["price"] == .string("12345.67"))
    #expect(full["flag"] == .int(1))
    #expect(full["missing"] == nil)

    let empty = rows[1]
    #expect(empty["small"] == .null)
    #expect(empty["ubig"]?.isNull == true)
    #expect(empty["text_value"] == .string(""))
    #expect(empty["blob_value"] == .bytes([]))
    #expect(empty["at"] == .null)
  }

  @Test("errors carry their number and kind")
  func errors() async throws {
    let database = try await TestDatabase.fresh("conn")
    defer { Task { await TestDatabase.drop(database) } }
    try await withConnection(database) { connection in
      try connection.executeUnprepared("CREATE TABLE k (id INT PRIMARY KEY)")
      try connection.execute("INSERT INTO k VALUES (?)", [.int(1)])
      let duplicate = #expect(throws: MariaDBError.self) {
        try connection.execute("INSERT INTO k VALUES (?)", [.int(1)])
      }
      #expect(duplicate?.code == 1062)
      #expect(duplicate?.sqlState == "23000")
      #expect(duplicate?.isDuplicateKey == true)
      #expect(duplicate?.isRetryable == false)

      let syntax = #expect(throws: MariaDBError.self) { try connection.execute("SELEC 1") }
      #expect(syntax?.code == 1064)
      #expect(syntax?.kind == .other)

      let wrongCount = #expect(throws: MariaDBError.self) {
        try connection.execute("SELECT ? + ?", [.int(1)])
      }
      #expect(wrongCount?.kind == .other)
      #expect(connection.isUsable)
      #expect(try connection.execute("SELECT 1").rows.first?[0] == .int(1))
    }
  }

  @Test("transactions commit and roll back")
  func transactions() async throws {
    let database = try await TestDatabase.fresh("conn")
    defer { Task { await TestDatabase.drop(database) } }
    let ids = try await withConnection(database) { connection in
      try connection.executeUnprepared("CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB")
      try connection.transaction { try $0.execute("INSERT INTO t VALUES (?)", [.int(1)]) }
      struct Abort: Error {}
      #expect(throws: Abort.self) {
        try connection.transaction { connection in
          try connection.execute("INSERT INTO t VALUES (?)", [.int(2)])
          throw Abort()
        }
      }
      try connection.begin()
      try connection.execute("INSERT INTO t VALUES (?)", [.int(3)])
      try connection.rollback()
      return try connection.execute("SELECT id FROM t").rows.map { $0[0] }
    }
    #expect(ids == [.int(1)])
  }

  @Test("a killed connection reports connection lost and becomes unusable")
  func connectionLost() async throws {
    let database = try await TestDatabase.fresh("conn")
    defer { Task { await TestDatabase.drop(database) } }
    try await onThread {
      let victim = try MariaDBConnection.connect(database)
      let killer = try MariaDBConnection.connect(database)
      try killer.execute("KILL ?", [.uint(victim.connectionID)])
      let error = #expect(throws: MariaDBError.self) { try victim.execute("SELECT 1") }
      #expect(error?.isConnectionLost == true)
      #expect(error?.isRetryable == true)
      #expect(!victim.isUsable)
      let again = #expect(throws: MariaDBError.self) { try victim.ping() }
      #expect(again?.isConnectionLost == true)
    }
  }

  @Test("connecting fails over to the next endpoint; all failing reports the last error")
  func failover() async throws {
    let server = try await TestDatabase.server()
    var configuration = server.database
    configuration.endpoints = [.unixSocket(path: "/nonexistent/mariadbd.sock"), .tcp(host: "127.0.0.1", port: 1)]
      + server.database.endpoints
    let withLiveLast = configuration
    let endpoint = try await onThread { try MariaDBConnection.connect(withLiveLast).endpoint }
    #expect(endpoint == server.database.endpoints[0])

    configuration.endpoints.removeLast()
    let allDead = configuration
    let error = await #expect(throws: MariaDBError.self) {
      try await onThread { _ = try MariaDBConnection.connect(allDead) }
    }
    #expect(error?.isConnectionLost == true)
  }
}
