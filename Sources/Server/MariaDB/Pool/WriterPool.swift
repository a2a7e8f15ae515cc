/// A pool of writer threads, each owning one MariaDB connection, fed by a bounded queue
/// and committing jobs in groups.
///
/// - ``submit(_:deadline:)`` never waits for room: when the queue is full it throws
///   ``MariaDBPoolError/Kind/queueFull`` at once (answer `RESOURCE_EXHAUSTED`), and while
///   the database is known to be down it throws ``MariaDBPoolError/Kind/unavailable``.
/// - A worker takes up to ``WriterPoolConfiguration/maximumBatchJobs`` queued jobs, runs
///   ``BatchWriter/write(_:on:)`` for all of them in one transaction, commits, and then
///   answers every caller. A caller is told its job succeeded only after the commit did.
/// - A lost connection puts the batch back in the queue; the worker reconnects with
///   exponential backoff and jitter, trying the configured endpoints in turn (failover).
///   Jobs whose deadline passes meanwhile fail with `unavailable`. When the acknowledgement
///   of a commit is lost, the retried batch meets its own rows: duplicate detection (see
///   ``MultiRowInsert``) then reports them as duplicates, never as lost.
/// - The maintenance thread resizes the pool between the configured bounds with a
///   ``PoolSizeController`` and reports samples to the observer.
public final class WriterPool<Writer: BatchWriter>: Sendable {
  typealias Core = PoolCore<Writer.Job, Writer.Outcome>

  /// The database the workers connect to.
  public let database: MariaDBConfiguration
  /// Queue, batch, retry and sizing settings.
  public let configuration: WriterPoolConfiguration
  let writer: Writer
  let observer: (any WriterPoolObserver)?
  let core: Core

  /// Creates a pool; call ``start()`` before submitting.
  public init(
    database: MariaDBConfiguration, configuration: WriterPoolConfiguration = WriterPoolConfiguration(),
    writer: Writer, observer: (any WriterPoolObserver)? = nil
  ) {
    self.database = database
    self.configuration = configuration
    self.writer = writer
    self.observer = observer
    self.core = Core(settings: configuration)
  }

  /// Starts the minimum number of workers and the maintenance thread. Workers connect in
  /// the background; while none can, submissions fail with `unavailable`.
  public func start() {
    let count = configuration.sizing.minimum
    guard core.start(workers: count) else { return }
    for _ in 0..<count { startWorker() }
    BlockingThread.start { [self] in runMaintenance() }
    observer?.poolResized(from: 0, to: count)
  }

  /// Queues `job` and returns its outcome once the batch holding it committed.
  ///
  /// Throws ``MariaDBPoolError`` without waiting when the queue is full, the database is
  /// down or the pool is shut down; otherwise when the job failed, `deadline` (default:
  /// ``WriterPoolConfiguration/defaultTimeout`` from now) passed, or the task was cancelled.
  public func submit(_ job: Writer.Job, deadline: ContinuousClock.Instant? = nil) async throws(MariaDBPoolError)
    -> Writer.Outcome
  {
    let entry = Core.Entry(
      job: job, weight: max(1, writer.weight(of: job)),
      deadline: deadline ?? ContinuousClock.now + configuration.defaultTimeout)
    let result = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        if let refusal = core.enqueue(entry, continuation: continuation) {
          continuation.resume(returning: .failure(refusal))
        }
      }
    } onCancel: {
      core.cancel(entry)?.resume()
    }
    return try result.get()
  }

  /// Stops accepting jobs, lets queued ones commit for up to `gracePeriod` (then fails
  /// them with ``MariaDBPoolError/Kind/shutDown``), and returns when every thread ended.
  public func shutdown(gracePeriod: Duration = .seconds(5)) async {
    core.beginShutdown(until: ContinuousClock.now + gracePeriod)
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      if !core.awaitThreads(continuation) { continuation.resume() }
    }
  }

  /// A snapshot of the pool's state.
  public var statistics: WriterPoolStatistics {
    let snapshot = core.snapshot
    return WriterPoolStatistics(
      queuedJobs: snapshot.queued, workers: snapshot.workers, busyWorkers: snapshot.busy,
      connectedWorkers: snapshot.connected, isAvailable: snapshot.available)
  }

  func startWorker() {
    let started = BlockingThread.start { [self] in runWorker() }
    if !started {
      core.workerExited(wasConnected: false).forEach { $0.resume() }
    }
  }

  func resume(_ resumptions: [Core.Resumption]) {
    for resumption in resumptions { resumption.resume() }
  }
}
