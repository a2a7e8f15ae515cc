/// The outcome of one statement: its rows, if it returned any (`SELECT`, `RETURNING`), and
/// the counters the server reported.
public struct MariaDBResult: Sendable {
  /// The result's column names; empty when the statement returned no result set.
  public var columns: MariaDBColumns
  /// The rows, in the order the server sent them.
  public var rows: [MariaDBRow]
  /// Rows inserted, updated or deleted (for a result set: the rows returned).
  public var affectedRows: UInt64
  /// The `AUTO_INCREMENT` value the statement generated, or 0.
  public var lastInsertID: UInt64
  /// Warnings the statement raised (`SHOW WARNINGS` lists them).
  public var warningCount: Int

  /// Creates a result.
  public init(
    columns: MariaDBColumns = MariaDBColumns([]), rows: [MariaDBRow] = [], affectedRows: UInt64 = 0,
    lastInsertID: UInt64 = 0, warningCount: Int = 0
  ) {
    self.columns = columns
    self.rows = rows
    self.affectedRows = affectedRows
    self.lastInsertID = lastInsertID
    self.warningCount = warningCount
  }
}
