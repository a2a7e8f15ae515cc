/// How a ``WriterPool`` sizes its queue, batches, workers and retries.
public struct WriterPoolConfiguration: Sendable, Hashable {
  /// Jobs the queue holds at most; further submissions fail with
  /// ``MariaDBPoolError/Kind/queueFull`` at once.
  public var maximumQueuedJobs: Int
  /// Total ``BatchWriter/weight(of:)`` the queue holds at most (a job is always accepted
  /// into an empty queue); `nil` for no limit.
  public var maximumQueuedWeight: Int?
  /// Jobs a batch (one transaction) holds at most.
  public var maximumBatchJobs: Int
  /// Total weight a batch holds at most (a batch always takes at least one job).
  public var maximumBatchWeight: Int
  /// The deadline of jobs submitted without one, from submission.
  public var defaultTimeout: Duration
  /// How often a batch is retried after a transient error (deadlock, lock wait timeout)
  /// before its jobs fail.
  public var transientRetries: Int
  /// Delays between reconnection attempts.
  public var backoff: Backoff.Configuration
  /// Worker bounds and resizing thresholds.
  public var sizing: PoolSizeController.Configuration
  /// How often the maintenance thread samples the pool (resizing, metrics).
  public var maintenanceInterval: Duration
  /// Whether each batch runs in a transaction (reads through ``ReadPool`` do not).
  var transactional = true

  /// Creates a configuration.
  public init(
    maximumQueuedJobs: Int = 10_000, maximumQueuedWeight: Int? = nil, maximumBatchJobs: Int = 1_000,
    maximumBatchWeight: Int = 2_000, defaultTimeout: Duration = .seconds(30), transientRetries: Int = 3,
    backoff: Backoff.Configuration = Backoff.Configuration(),
    sizing: PoolSizeController.Configuration = PoolSizeController.Configuration(),
    maintenanceInterval: Duration = .milliseconds(100)
  ) {
    self.maximumQueuedJobs = max(1, maximumQueuedJobs)
    self.maximumQueuedWeight = maximumQueuedWeight
    self.maximumBatchJobs = max(1, maximumBatchJobs)
    self.maximumBatchWeight = max(1, maximumBatchWeight)
    self.defaultTimeout = defaultTimeout
    self.transientRetries = max(0, transientRetries)
    self.backoff = backoff
    self.sizing = sizing
    self.maintenanceInterval = maintenanceInterval
  }
}
