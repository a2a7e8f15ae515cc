/// The column names of a result set, shared by all its rows.
public final class MariaDBColumns: Sendable {
  /// The names, in column order.
  public let names: [String]
  private let indexByName: [String: Int]

  /// Creates a column list; a repeated name resolves to its first column.
  public init(_ names: [String]) {
    self.names = names
    self.indexByName = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The position of the column called `name`.
  public func index(of name: String) -> Int? { indexByName[name] }
}
