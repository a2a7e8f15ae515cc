public import CoreMetrics
public import SluiceMariaDB
import SluiceObservability

/// Records what the writer pool reports as metrics: queue depth and pool size (gauges),
/// rows per commit (histogram), commit latency (timer) and reconnections (counter).
public struct WriterMetricsObserver: WriterPoolObserver {
  private let queueDepth: Gauge
  private let poolSize: Gauge
  private let batchSize: Recorder
  private let commitLatency: Timer
  private let reconnects: Counter

  /// An observer recording into `factory`.
  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    queueDepth = Gauge(label: MetricNames.writerQueueDepth, factory: factory)
    poolSize = Gauge(label: MetricNames.writerPoolSize, factory: factory)
    batchSize = Recorder(label: MetricNames.writerBatchSize, factory: factory)
    commitLatency = Timer(label: MetricNames.writerCommitDuration, factory: factory)
    reconnects = Counter(label: MetricNames.databaseReconnects, factory: factory)
  }

  /// The pool's periodic sample: queue depth and size.
  public func sampled(_ sample: PoolSizeController.Sample, averageCommitLatency: Duration?) {
    queueDepth.record(sample.queueDepth)
    poolSize.record(sample.poolSize)
  }

  /// One group commit: its rows and latency.
  public func batchCommitted(jobs: Int, weight: Int, latency: Duration) {
    batchSize.record(weight)
    let (seconds, attoseconds) = latency.components
    commitLatency.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }

  /// A resize.
  public func poolResized(from oldSize: Int, to newSize: Int) {
    poolSize.record(newSize)
  }

  /// A connection made; counts reconnections.
  public func connected(to endpoint: MariaDBEndpoint, isReconnection: Bool, failedAttempts: Int) {
    if isReconnection { reconnects.increment() }
  }
}
