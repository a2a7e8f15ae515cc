/// A write transaction of the store, named so that polls can tell whether it is still open.
public struct StoreTransaction: Sendable, Hashable {
  /// The writer (connection) running it.
  public var writer: UInt64
  /// Its number among the writer's transactions.
  public var number: UInt64

  /// A transaction's name.
  public init(writer: UInt64, number: UInt64) {
    self.writer = writer
    self.number = number
  }
}
