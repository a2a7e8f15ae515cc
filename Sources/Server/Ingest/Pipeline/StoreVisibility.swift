/// What a tail poll learns from the store.
public struct StoreVisibility: Sendable, Hashable {
  /// The highest sequence visible (0 when the store is empty).
  public var highestSequence: Int64
  /// The write transactions open when ``highestSequence`` had been read: every transaction
  /// that may still commit an event below it is among them.
  public var openTransactions: Set<StoreTransaction>

  /// A poll's result.
  public init(highestSequence: Int64, openTransactions: Set<StoreTransaction> = []) {
    self.highestSequence = highestSequence
    self.openTransactions = openTransactions
  }
}
