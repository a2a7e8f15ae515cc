import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
  /// Version 1 creates a table without IF NOT EXISTS and version 2 inserts a row: running
  /// either twice would fail or double the row.
  static let migrations = [
    Migration(version: 1, name: "create runs", statements: ["CREATE TABLE runs (n INT NOT NULL) ENGINE=InnoDB"]),
    Migration(
      version: 2, name: "seed runs",
      statements: ["INSERT INTO runs VALUES (1)", "ALTER TABLE runs ADD COLUMN note VARCHAR(20) NULL"]),
  ]

  @Test("pending migrations apply once; a second run applies nothing")
  func idempotent() async throws {
    let database = try await TestDatabase.fresh("mig")
    defer { Task { await TestDatabase.drop(database) } }
    let migrator = try Migrator(Self.migrations)
    let first = try await migrator.migrate(database)
    #expect(first.applied == [1, 2])
    #expect(first.alreadyApplied.isEmpty)
    let second = try await migrator.migrate(database)
    #expect(second.applied.isEmpty)
    #expect(second.alreadyApplied == [1, 2])

    let extended = try Migrator(
      Self.migrations + [Migration(version: 3, name: "more", statements: ["INSERT INTO runs VALUES (3, 'x')"])])
    #expect(try await extended.migrate(database).applied == [3])
    // An older program sees the newer version as unknown and carries on.
    #expect(try await migrator.migrate(database).unknown == [3])
    let rows = try await withConnection(database) { try $0.execute("SELECT COUNT(*) FROM runs").rows.first?[0] }
    #expect(rows == .int(2))
  }

  @Test("two runners starting together apply each migration once")
  func concurrentRunners() async throws {
    let database = try await TestDatabase.fresh("mig")
    defer { Task { await TestDatabase.drop(database) } }
    let migrator = try Migrator(
      Self.migrations + [
        Migration(version: 3, name: "slow", statements: ["DO SLEEP(0.3)", "INSERT INTO runs VALUES (3, 'slow')"])
      ])
    async let a = migrator.migrate(database)
    async let b = migrator.migrate(database)
    let reports = try await [a, b]
    #expect(reports.map(\.applied).sorted { $0.count < $1.count } == [[], [1, 2, 3]])
    let rows = try await withConnection(database) { try $0.execute("SELECT COUNT(*) FROM runs").rows.first?[0] }
    #expect(rows == .int(2))
  }

  @Test("an edited migration, a held lock, a failing statement and a bad list are errors")
  func failures() async throws {
    let database = try await TestDatabase.fresh("mig")
    defer { Task { await TestDatabase.drop(database) } }
    _ = try await Migrator(Self.migrations).migrate(database)

    var edited = Self.migrations
    edited[0].statements = ["CREATE TABLE runs (n BIGINT NOT NULL)"]
    let mismatch = await #expect(throws: MigrationError.self) { try await Migrator(edited).migrate(database) }
    #expect(mismatch?.kind == .checksumMismatch)
    #expect(mismatch?.version == 1)

    let broken = try Migrator(
      Self.migrations + [Migration(version: 4, name: "broken", statements: ["CREATE TABLE runs (n INT)"])])
    let failed = await #expect(throws: MigrationError.self) { try await broken.migrate(database) }
    #expect(failed?.kind == .statementFailed)
    #expect(failed?.underlying?.code == 1050)

    #expect(throws: MigrationError.self) {
      try Migrator([Migration(version: 1, name: "a", statements: []), Migration(version: 1, name: "b", statements: [])])
    }
    #expect(throws: MigrationError.self) { try Migrator([Migration(version: 0, name: "zero", statements: [])]) }

    // Another session holds the lock: a runner with a short timeout gives up.
    let holder = try await onThread { () -> Bool in
      let connection = try MariaDBConnection.connect(database)
      let name = "sluice_migrations.\(database.database!)"
      let locked = try connection.execute("SELECT GET_LOCK(?, 0)", [.string(name)]).rows.first?[0] == .int(1)
      var impatient = try Migrator(Self.migrations)
      impatient.lockTimeout = .seconds(1)
      let other = try MariaDBConnection.connect(database)
      let error = #expect(throws: MigrationError.self) { try impatient.migrate(on: other) }
      #expect(error?.kind == .lockTimeout)
      return locked
    }
    #expect(holder)
  }
}
