/// A small pool of connections for queries, separate from the writers so that reads never
/// wait behind group commits (and the reverse). Each connection lives on its own thread;
/// ``read(deadline:_:)`` runs a blocking closure there and returns its result.
///
/// It shares the writer pool's machinery: a bounded queue that refuses work at once when
/// full (``MariaDBPoolError/Kind/queueFull``) or while the database is down
/// (``MariaDBPoolError/Kind/unavailable``), deadlines, reconnection with backoff and
/// failover, and resizing between ``PoolSizeController/Configuration/minimum`` and
/// ``PoolSizeController/Configuration/maximum``. Reads run one at a time per connection,
/// outside transactions. When the connection is lost mid-read, the closure runs again on
/// the next connection, so it must be safe to repeat (as queries are).
public final class ReadPool: Sendable {
  /// One read: the closure and a box for its result.
  struct Request: Sendable {
    let run: @Sendable (MariaDBConnection) throws -> any Sendable
  }

  struct Runner: BatchWriter {
    func weight(of job: Request) -> Int { 1 }

    func write(_ jobs: [Request], on connection: MariaDBConnection) throws -> [any Sendable] {
      try jobs.map { try $0.run(connection) }
    }
  }

  private let pool: WriterPool<Runner>

  /// Creates a pool; by default one to two connections and 1,000 queued reads. Batch
  /// settings are ignored: each read runs alone. Call ``start()`` before reading.
  public init(
    database: MariaDBConfiguration,
    configuration: WriterPoolConfiguration = WriterPoolConfiguration(
      maximumQueuedJobs: 1_000, sizing: PoolSizeController.Configuration(minimum: 1, maximum: 2)),
    observer: (any WriterPoolObserver)? = nil
  ) {
    var configuration = configuration
    configuration.maximumBatchJobs = 1
    configuration.transactional = false
    pool = WriterPool(database: database, configuration: configuration, writer: Runner(), observer: observer)
  }

  /// Starts the connections' threads.
  public func start() {
    pool.start()
  }

  /// Runs `body` on a pooled connection and returns its result. Throws
  /// ``MariaDBPoolError`` (kind `failed` with the closure's error as `underlying` when the
  /// closure threw).
  public func read<T: Sendable>(
    deadline: ContinuousClock.Instant? = nil, _ body: @escaping @Sendable (MariaDBConnection) throws -> T
  ) async throws(MariaDBPoolError) -> T {
    let value = try await pool.submit(Request(run: { try body($0) }), deadline: deadline)
    guard let typed = value as? T else {
      throw MariaDBPoolError(.failed, underlying: MariaDBError.usage("a read returned \(type(of: value))"))
    }
    return typed
  }

  /// Stops taking reads, finishes queued ones for up to `gracePeriod`, and returns when
  /// every connection's thread ended.
  public func shutdown(gracePeriod: Duration = .seconds(5)) async {
    await pool.shutdown(gracePeriod: gracePeriod)
  }

  /// A snapshot of the pool's state.
  public var statistics: WriterPoolStatistics { pool.statistics }
}
