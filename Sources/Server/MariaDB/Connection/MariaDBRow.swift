/// One row of a result set.
public struct MariaDBRow: Sendable, RandomAccessCollection {
  /// The result's columns.
  public let columns: MariaDBColumns
  /// The values, in column order.
  public var values: [MariaDBValue]

  /// Creates a row.
  public init(columns: MariaDBColumns, values: [MariaDBValue]) {
    self.columns = columns
    self.values = values
  }

  /// The first column's position (0).
  public var startIndex: Int { values.startIndex }
  /// One past the last column's position.
  public var endIndex: Int { values.endIndex }

  /// The value in column `index`.
  public subscript(index: Int) -> MariaDBValue { values[index] }

  /// The value in the column called `name`, or `nil` when there is no such column.
  public subscript(name: String) -> MariaDBValue? {
    columns.index(of: name).map { values[$0] }
  }
}
