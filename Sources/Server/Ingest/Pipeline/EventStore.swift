public import SluiceRuntime

/// Where accepted events become durable: the MariaDB writer in production, an in-memory
/// fake in tests.
public protocol EventStore: Sendable {
  /// Stores every record not stored yet, in one commit or not at all, returning one
  /// outcome per record in order. Fails with `.resourceExhausted` at once when the writer
  /// is saturated, `.unavailable` when the database cannot be reached, and
  /// `.deadlineExceeded` when `deadline` passes first; after a failure nothing may be
  /// assumed stored (a retry reports what was as duplicates).
  func insert(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError) -> [StoreOutcome]
}

/// What storing one record did.
public enum StoreOutcome: Sendable, Hashable {
  /// Stored now, at this sequence.
  case inserted(sequence: Int64)
  /// An event with the same (stream, id) was already stored, at this sequence.
  case duplicate(sequence: Int64)
}
