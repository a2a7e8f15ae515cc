/// One versioned schema change: statements applied once, in order, and recorded in the
/// `schema_migrations` table.
///
/// MariaDB commits DDL implicitly, so a migration cannot be rolled back halfway; write its
/// statements so that running them again after a crash completes the work
/// (`CREATE TABLE IF NOT EXISTS`, `ADD COLUMN IF NOT EXISTS`, ...).
public struct Migration: Sendable, Hashable {
  /// The version; migrations apply in increasing version order. Positive.
  public var version: Int
  /// A short description, stored with the version.
  public var name: String
  /// The SQL statements, one per string, run through the text protocol.
  public var statements: [String]

  /// Creates a migration.
  public init(version: Int, name: String, statements: [String]) {
    self.version = version
    self.name = name
    self.statements = statements
  }

  /// A 63-bit FNV-1a hash of the statements, stored when applied and compared on every
  /// later start, so an edited migration is noticed rather than silently skipped.
  public var checksum: Int64 {
    var hash = FNV1a()
    for statement in statements {
      hash.combine(statement.utf8)
      hash.combine([0])
    }
    return Int64(bitPattern: hash.value & 0x7fff_ffff_ffff_ffff)
  }
}
