/// A snapshot of a ``WriterPool`` or ``ReadPool``.
public struct WriterPoolStatistics: Sendable, Hashable {
  /// Jobs waiting for a worker.
  public var queuedJobs: Int
  /// Worker threads.
  public var workers: Int
  /// Workers in the middle of a batch.
  public var busyWorkers: Int
  /// Workers holding a connection.
  public var connectedWorkers: Int
  /// Whether the pool accepts jobs (false while the database is known to be down).
  public var isAvailable: Bool
}
