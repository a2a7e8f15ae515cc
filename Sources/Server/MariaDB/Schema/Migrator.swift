/// Applies versioned ``Migration``s at start-up, once per database, even when several
/// server processes start at the same moment.
///
/// A run takes a named server lock (`GET_LOCK`, per database) so that concurrent runners
/// apply migrations one at a time; the second finds them applied. The lock is released at
/// the end, or by the server if the connection dies. On servers that refuse `GET_LOCK`
/// (Galera clusters may), the run proceeds without it: the primary key of
/// `schema_migrations` then lets only one runner record each version, and statements
/// written to be repeatable make the other runner's work harmless.
public struct Migrator: Sendable {
  /// The migrations, in increasing version order.
  public let migrations: [Migration]
  /// The table recording applied versions.
  public var table = "schema_migrations"
  /// How long to wait for another runner's lock.
  public var lockTimeout: Duration = .seconds(60)

  /// What a run did.
  public struct Report: Sendable, Hashable {
    /// Versions this run applied, in order.
    public var applied: [Int]
    /// Versions that were applied before.
    public var alreadyApplied: [Int]
    /// Applied versions this list does not know (the database is newer than this program).
    public var unknown: [Int]
  }

  /// Creates a migrator; throws when a version is not positive or repeats.
  public init(_ migrations: [Migration]) throws(MigrationError) {
    let sorted = migrations.sorted { $0.version < $1.version }
    for (index, migration) in sorted.enumerated() {
      guard migration.version > 0, index == 0 || sorted[index - 1].version != migration.version else {
        throw MigrationError(
          kind: .invalidList, version: migration.version, message: "versions must be positive and distinct")
      }
    }
    self.migrations = sorted
  }

  /// Applies the pending migrations on `connection` (blocking; see ``MariaDBConnection``).
  public func migrate(on connection: MariaDBConnection) throws(MigrationError) -> Report {
    guard SQLIdentifier.isPlain(table) else {
      throw MigrationError(kind: .invalidList, message: "\"\(table)\" is not a plain table name")
    }
    let lockName = try database("naming the lock") { () throws(MariaDBError) -> String in
      try connection.execute("SELECT CONCAT('sluice_migrations.', IFNULL(DATABASE(), ''))").rows.first?[0].string ?? ""
    }
    let locked = try acquireLock(lockName, on: connection)
    defer {
      if locked { _ = try? connection.execute("SELECT RELEASE_LOCK(?)", [.string(lockName)]) }
    }
    let quotedTable = "`\(table)`"
    let applied = try database("reading \(table)") { () throws(MariaDBError) -> [Int: Int64] in
      try connection.executeUnprepared(
        """
        CREATE TABLE IF NOT EXISTS \(quotedTable) (
          version BIGINT NOT NULL PRIMARY KEY,
          name VARCHAR(255) NOT NULL,
          checksum BIGINT NOT NULL,
          applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
        ) ENGINE=InnoDB
        """)
      var applied: [Int: Int64] = [:]
      for row in try connection.execute("SELECT version, checksum FROM \(quotedTable)").rows {
        if let version = row[0].int, let checksum = row[1].int { applied[Int(version)] = checksum }
      }
      return applied
    }

    var report = Report(applied: [], alreadyApplied: [], unknown: [])
    let known = Set(migrations.map(\.version))
    report.unknown = applied.keys.filter { !known.contains($0) }.sorted()
    for migration in migrations {
      if let checksum = applied[migration.version] {
        guard checksum == migration.checksum else {
          throw MigrationError(
            kind: .checksumMismatch, version: migration.version,
            message: "\"\(migration.name)\" changed after it was applied")
        }
        report.alreadyApplied.append(migration.version)
        continue
      }
      for (index, statement) in migration.statements.enumerated() {
        do {
          try connection.executeUnprepared(statement)
        } catch {
          throw MigrationError(
            kind: .statementFailed, version: migration.version,
            message: "statement \(index + 1) of \"\(migration.name)\" failed", underlying: error)
        }
      }
      do {
        try connection.execute(
          "INSERT INTO \(quotedTable) (version, name, checksum) VALUES (?, ?, ?)",
          [.int(Int64(migration.version)), .string(migration.name), .int(migration.checksum)])
        report.applied.append(migration.version)
      } catch where error.isDuplicateKey {
        // Another runner without the lock recorded it first.
        report.alreadyApplied.append(migration.version)
      } catch {
        throw MigrationError(
          kind: .database, version: migration.version, message: "recording the migration failed",
          underlying: error)
      }
    }
    return report
  }

  /// Connects to `database` on a thread of its own, applies the pending migrations, and
  /// disconnects.
  public func migrate(_ database: MariaDBConfiguration) async throws(MigrationError) -> Report {
    try await BlockingThread.run { () throws(MigrationError) -> Report in
      let connection = try self.database("connecting") { () throws(MariaDBError) in
        try MariaDBConnection.connect(database)
      }
      defer { connection.close() }
      return try migrate(on: connection)
    }
  }

  /// Takes the lock; false when the server does not support named locks.
  private func acquireLock(_ name: String, on connection: MariaDBConnection) throws(MigrationError) -> Bool {
    let seconds = max(0, lockTimeout.components.seconds)
    let result: MariaDBResult
    do {
      result = try connection.execute("SELECT GET_LOCK(?, ?)", [.string(name), .int(seconds)])
    } catch where error.code == 1235 {
      return false
    } catch {
      throw MigrationError(kind: .database, message: "taking the migration lock failed", underlying: error)
    }
    guard result.rows.first?[0].int == 1 else {
      throw MigrationError(kind: .lockTimeout, message: "another process held the migration lock for \(seconds) s")
    }
    return true
  }

  private func database<T>(_ activity: String, _ body: () throws(MariaDBError) -> T) throws(MigrationError) -> T {
    do {
      return try body()
    } catch {
      throw MigrationError(kind: .database, message: "\(activity) failed", underlying: error)
    }
  }
}
