internal import CoreMetrics
import SluiceObservability
internal import Synchronization

/// The ingest pipeline's metric handles, made once per pipeline rather than per call
/// (each handle a registry lookup): the batch-size recorder, and one
/// `sluice_events_total` counter per stream and outcome, made on first use.
final class IngestMetrics: Sendable {
  /// `sluice_ingest_batch_size`.
  let batchSize: Recorder
  private let factory: any MetricsFactory
  private let counters = Mutex<[Key: Counter]>([:])

  struct Key: Hashable {
    var stream: String
    var outcome: String
  }

  init(factory: any MetricsFactory) {
    self.factory = factory
    batchSize = Recorder(label: MetricNames.ingestBatchSize, factory: factory)
  }

  /// Adds `count` events of `key`'s stream and outcome.
  func countEvents(_ key: Key, by count: Int) {
    let counter = counters.withLock { counters in
      if let counter = counters[key] { return counter }
      let counter = Counter(
        label: MetricNames.events, dimensions: [("stream", key.stream), ("outcome", key.outcome)],
        factory: factory)
      counters[key] = counter
      return counter
    }
    counter.increment(by: count)
  }
}
