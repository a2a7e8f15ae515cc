/// A multi-row `INSERT IGNORE ... RETURNING` that reports, row by row, whether each row was
/// inserted or was a duplicate of a row already in the table (or of an earlier row in the
/// same call).
///
/// The statement is `INSERT IGNORE INTO t (c1, …, cn) VALUES (?, …), … RETURNING k1, …`
/// over the key columns. On MariaDB 10.5 and later, `INSERT IGNORE … RETURNING` returns
/// exactly the rows it inserted, in order; a row whose key is absent from the returned
/// set was skipped as a duplicate. Values are always bound, never spliced into SQL;
/// identifiers come from code and are checked and quoted.
///
/// `IGNORE` also turns other row errors (a `NULL` into a `NOT NULL` column, a value too long)
/// into warnings and stores an adjusted value. So every call compares the statement's
/// warning count with its duplicate count and throws the first non-duplicate warning as an
/// error when there are more: the transaction then rolls back, and nothing altered is kept.
///
/// Key columns should be integers or `VARBINARY`/`VARCHAR`; rows are matched with the
/// returned keys by exact value.
public struct MultiRowInsert: Sendable {
  /// The table, as given (`table` or `schema.table`).
  public let table: String
  /// The inserted columns, in the order values are bound.
  public let columns: [String]
  /// The columns of the unique key that decides duplicates.
  public let keyColumns: [String]
  /// Further columns each inserted row returns (such as an AUTO_INCREMENT id), read with
  /// ``insertReturning(_:on:)``.
  public let returnedColumns: [String]
  /// Rows per statement; longer inserts run as several statements.
  public let rowsPerStatement: Int
  private let keyPositions: [Int]
  private let prefix: String
  private let suffix: String

  /// The most placeholders one prepared statement may have.
  public static let maximumPlaceholders = 65_535

  /// Creates an insert; throws when an identifier is not plain (letters, digits, `_`, `$`)
  /// or a key column is not among the columns.
  public init(
    table: String, columns: [String], keyColumns: [String], returning returnedColumns: [String] = [],
    maximumRowsPerStatement: Int = 1_000
  ) throws(MariaDBError) {
    guard !columns.isEmpty, !keyColumns.isEmpty else {
      throw .usage("an insert needs columns and key columns")
    }
    let tableParts = table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    for identifier in tableParts + columns + returnedColumns
    where !SQLIdentifier.isPlain(identifier) {
      throw .usage("\"\(identifier)\" is not a plain identifier")
    }
    var positions: [Int] = []
    for key in keyColumns {
      guard let position = columns.firstIndex(of: key) else {
        throw .usage("key column \"\(key)\" is not an inserted column")
      }
      positions.append(position)
    }
    self.table = table
    self.columns = columns
    self.keyColumns = keyColumns
    self.returnedColumns = returnedColumns
    self.keyPositions = positions
    self.rowsPerStatement = max(1, min(maximumRowsPerStatement, Self.maximumPlaceholders / columns.count))
    let quotedTable = tableParts.map { "`\($0)`" }.joined(separator: ".")
    let quotedColumns = columns.map { "`\($0)`" }.joined(separator: ", ")
    self.prefix = "INSERT IGNORE INTO \(quotedTable) (\(quotedColumns)) VALUES "
    self.suffix = " RETURNING " + (keyColumns + returnedColumns).map { "`\($0)`" }.joined(separator: ", ")
  }

  /// The statement for `rows` rows.
  public func statement(rows: Int) -> String {
    let row = "(" + repeatElement("?", count: columns.count).joined(separator: ", ") + ")"
    return prefix + repeatElement(row, count: rows).joined(separator: ", ") + suffix
  }

  /// Inserts the rows in `parameters` (``columns`` values per row, row after row) and
  /// returns, per row, true when it was inserted and false when it was a duplicate.
  /// Throws a `MariaDBError` when the values do not fill whole rows or a row raised a
  /// warning other than a duplicate key.
  public func insert(_ parameters: MariaDBParameters, on connection: MariaDBConnection)
    throws(MariaDBError) -> [Bool]
  {
    let width = columns.count
    guard parameters.count % width == 0 else {
      throw .usage("\(parameters.count) values do not make rows of \(width) columns")
    }
    let rowCount = parameters.count / width
    var inserted: [Bool] = []
    inserted.reserveCapacity(rowCount)
    var firstRow = 0
    while firstRow < rowCount {
      let rows = min(rowsPerStatement, rowCount - firstRow)
      let range = firstRow * width..<(firstRow + rows) * width
      // Without duplicates every row comes back: count them rather than decode them.
      let result = try connection.execute(statement(rows: rows), parameters, range: range, skipRowsWhenCount: rows)
      let duplicates = rows - Int(result.affectedRows)
      if result.warningCount > duplicates {
        throw Self.firstOtherWarning(on: connection)
      }
      if duplicates == 0 || duplicates == rows {
        inserted.append(contentsOf: repeatElement(duplicates == 0, count: rows))
      } else {
        inserted += match(returned: result.rows, parameters, rows: firstRow..<firstRow + rows)
      }
      firstRow += rows
    }
    return inserted
  }

  /// Inserts the rows in `parameters` like ``insert(_:on:)`` and returns, per row, the
  /// values of ``returnedColumns`` when it was inserted and nil when it was a duplicate.
  public func insertReturning(_ parameters: MariaDBParameters, on connection: MariaDBConnection)
    throws(MariaDBError) -> [[MariaDBValue]?]
  {
    let width = columns.count
    guard parameters.count % width == 0 else {
      throw .usage("\(parameters.count) values do not make rows of \(width) columns")
    }
    let rowCount = parameters.count / width
    var returned: [[MariaDBValue]?] = []
    returned.reserveCapacity(rowCount)
    var firstRow = 0
    while firstRow < rowCount {
      let rows = min(rowsPerStatement, rowCount - firstRow)
      let range = firstRow * width..<(firstRow + rows) * width
      let result = try connection.execute(statement(rows: rows), parameters, range: range)
      if result.warningCount > rows - Int(result.affectedRows) {
        throw Self.firstOtherWarning(on: connection)
      }
      // Inserted rows come back in the order they were given: walk both in step.
      var next = result.rows.startIndex
      for row in firstRow..<firstRow + rows {
        if next < result.rows.endIndex {
          let candidate = result.rows[next].values
          let key = keyPositions.map { parameters.value(at: row * width + $0) }
          if MariaDBKey(Array(candidate.prefix(keyColumns.count))) == MariaDBKey(key) {
            returned.append(Array(candidate.dropFirst(keyColumns.count)))
            next += 1
            continue
          }
        }
        returned.append(nil)
      }
      firstRow += rows
    }
    return returned
  }

  /// Marks each row of `rows` inserted when its key is among the returned keys (each
  /// returned key claims one row, the first in order), else a duplicate.
  private func match(returned: [MariaDBRow], _ parameters: MariaDBParameters, rows: Range<Int>) -> [Bool] {
    var remaining: [MariaDBKey: Int] = [:]
    for row in returned {
      remaining[MariaDBKey(Array(row.values.prefix(keyColumns.count))), default: 0] += 1
    }
    let width = columns.count
    return rows.map { row in
      let key = MariaDBKey(keyPositions.map { parameters.value(at: row * width + $0) })
      guard let count = remaining[key], count > 0 else { return false }
      remaining[key] = count - 1
      return true
    }
  }

  private static func firstOtherWarning(on connection: MariaDBConnection) -> MariaDBError {
    let fallback = MariaDBError(code: 1265, sqlState: "01000", message: "a row raised a warning besides duplicates")
    guard let warnings = try? connection.execute("SHOW WARNINGS") else { return fallback }
    for row in warnings.rows {
      guard let code = row["Code"]?.int, code != 1062 else { continue }
      return MariaDBError(
        code: UInt32(clamping: code), sqlState: "01000",
        message: "INSERT IGNORE would have altered a row: \(row["Message"]?.string ?? "")")
    }
    return fallback
  }
}
