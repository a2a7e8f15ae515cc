import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("ReadPool")
struct ReadPoolTests {
  @Test("reads run on pooled connections, in parallel with each other")
  func reads() async throws {
    let database = try await TestDatabase.fresh("rp")
    defer { Task { await TestDatabase.drop(database) } }
    let pool = ReadPool(database: database)
    pool.start()
    let sums = try await withThrowingTaskGroup(of: Int64.self) { group in
      for value in 0..<50 {
        group.addTask {
          try await pool.read { connection in
            try connection.execute("SELECT ? + 1", [.int(Int64(value))]).rows.first?[0].int ?? -1
          }
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(sums == (1...50).reduce(0, +))

    let failure = await #expect(throws: MariaDBPoolError.self) {
      try await pool.read { try $0.execute("SELECT * FROM missing_table") }
    }
    #expect(failure?.kind == .failed)
    #expect((failure?.underlying as? MariaDBError)?.code == 1146)
    await pool.shutdown()
    let closed = await #expect(throws: MariaDBPoolError.self) { try await pool.read { _ in 1 } }
    #expect(closed?.kind == .shutDown)
  }

  @Test("a read whose connection was killed runs again on a new connection")
  func reconnects() async throws {
    let database = try await TestDatabase.fresh("rp")
    defer { Task { await TestDatabase.drop(database) } }
    let pool = ReadPool(
      database: database,
      configuration: WriterPoolConfiguration(sizing: PoolSizeController.Configuration(minimum: 1, maximum: 1)))
    pool.start()
    let query: @Sendable (MariaDBConnection) throws -> UInt64 = {
      try $0.execute("SELECT CONNECTION_ID()").rows.first?[0].uint ?? 0
    }
    let first = try await pool.read(query)
    try await withConnection(database) { try $0.execute("KILL ?", [.uint(first)]) }
    let second = try await pool.read(query)
    #expect(second != first && second != 0)
    await pool.shutdown()
  }
}
