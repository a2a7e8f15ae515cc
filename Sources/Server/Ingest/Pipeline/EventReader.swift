public import SluiceGenerated
public import SluiceRuntime

/// Where queries read events: the MariaDB read pool in production, an in-memory fake in
/// tests. Failures are `RPCError`s (`.unavailable` when the database cannot be reached,
/// `.deadlineExceeded` past the call's deadline).
public protocol EventReader: Sendable {
  /// The event stored under (stream, id), if any.
  func event(stream: String, id: String) async throws(RPCError) -> EventRow?

  /// The rows `query` selects: at most `query.limit + 1`, in its order.
  func rows(for query: EventQuery) async throws(RPCError) -> [EventRow]

  /// The per-minute buckets `query` selects, ordered by minute, stream, type.
  func counts(for query: CountQuery) async throws(RPCError) -> [Sluice_V1_CountBucket]

  /// Every stream holding events, by name.
  func streams() async throws(RPCError) -> [Sluice_V1_StreamInfo]

  /// The highest sequence visible now, then the store's write transactions open now (see
  /// ``TailHorizon``), read in that order.
  func visibility() async throws(RPCError) -> StoreVisibility

  /// Events of `stream` with sequence in (after, through], of one of `types` (all when
  /// empty), in sequence order, at most `limit`.
  func tailRows(stream: String, types: [String], after: Int64, through: Int64, limit: Int)
    async throws(RPCError) -> [EventRow]

  /// The highest sequence of `stream` ingested before `micros` (0 when none).
  func lastSequence(stream: String, ingestedBefore micros: Int64) async throws(RPCError) -> Int64
}

