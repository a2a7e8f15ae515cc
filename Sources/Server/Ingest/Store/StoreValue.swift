/// A value bound to a placeholder of a statement the event store runs. Every value that
/// comes from a request reaches the database this way, never inside SQL text.
public enum StoreValue: Sendable, Hashable {
  /// A 64-bit integer.
  case int(Int64)
  /// Text (UTF-8).
  case text(String)
  /// Raw bytes.
  case bytes([UInt8])
}

/// SQL text with `?` placeholders and the values bound to them, in order.
public struct BoundStatement: Sendable, Hashable {
  /// The statement; built only from constant fragments.
  public var sql: String
  /// One value per `?` in ``sql``.
  public var values: [StoreValue]

  /// A statement and its values.
  public init(sql: String, values: [StoreValue]) {
    self.sql = sql
    self.values = values
  }
}
