/// Receives a ``WriterPool``'s or ``ReadPool``'s events, for metrics and logs. Methods are
/// called on the pool's threads, outside its locks; keep them quick. Every method has an
/// empty default.
public protocol WriterPoolObserver: Sendable {
  /// The maintenance thread's periodic sample: pool size, busy workers, queue depth.
  func sampled(_ sample: PoolSizeController.Sample, averageCommitLatency: Duration?)
  /// A batch committed: its job count, total weight, and the time from `START TRANSACTION`
  /// to the end of `COMMIT`.
  func batchCommitted(jobs: Int, weight: Int, latency: Duration)
  /// The number of workers changed.
  func poolResized(from oldSize: Int, to newSize: Int)
  /// A worker connected: for the first time, or again after losing its connection
  /// (`isReconnection`); `failedAttempts` counts the failed attempts just before.
  func connected(to endpoint: MariaDBEndpoint, isReconnection: Bool, failedAttempts: Int)
  /// A worker's connection was lost in the middle of a batch (its jobs were re-queued).
  func connectionLost(_ error: MariaDBError, endpoint: MariaDBEndpoint)
  /// A connection attempt failed on every endpoint.
  func connectFailed(_ error: MariaDBError, attempt: Int)
  /// Jobs failed (not committed) for `error`.
  func jobsFailed(count: Int, error: MariaDBPoolError)
}

extension WriterPoolObserver {
  /// Does nothing.
  public func sampled(_ sample: PoolSizeController.Sample, averageCommitLatency: Duration?) {}
  /// Does nothing.
  public func batchCommitted(jobs: Int, weight: Int, latency: Duration) {}
  /// Does nothing.
  public func poolResized(from oldSize: Int, to newSize: Int) {}
  /// Does nothing.
  public func connected(to endpoint: MariaDBEndpoint, isReconnection: Bool, failedAttempts: Int) {}
  /// Does nothing.
  public func connectionLost(_ error: MariaDBError, endpoint: MariaDBEndpoint) {}
  /// Does nothing.
  public func connectFailed(_ error: MariaDBError, attempt: Int) {}
  /// Does nothing.
  public func jobsFailed(count: Int, error: MariaDBPoolError) {}
}
