/// One transaction registered with an ``OpenTransactionRegistry``.
public struct RegisteredTransaction: Sendable, Hashable {
  /// Its writer: the server's id of the connection it runs on.
  public var writer: UInt64
  /// Its number among the writer's transactions. A rolled-back transaction's number is
  /// used again by the writer's next one.
  public var number: UInt64

  /// A transaction's name.
  public init(writer: UInt64, number: UInt64) {
    self.writer = writer
    self.number = number
  }
}
