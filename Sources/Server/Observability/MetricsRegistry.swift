public import CoreMetrics
public import Prometheus

/// The process's metrics in Prometheus form: a registry, the swift-metrics factory that
/// fills it, and its text exposition for `/metrics`.
///
/// Durations are histograms with buckets from 0.1 ms to 10 s (RPC latency, Kafka
/// produce latency, commit latency); batch sizes have buckets from 1 to 10,000.
public struct MetricsRegistry: Sendable {
  /// The content type of ``exposition()``.
  public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

  /// The metrics recorded so far.
  public let registry: PrometheusCollectorRegistry
  /// A factory recording into ``registry``; pass it to `MetricsSystem.bootstrap` once
  /// per process, or to components directly (tests).
  public let factory: PrometheusMetricsFactory

  /// An empty registry with Sluice's bucket choices.
  public init() {
    registry = PrometheusCollectorRegistry()
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.defaultDurationHistogramBuckets = [
      .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
      .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
      .seconds(1), .seconds(2.5), .seconds(10),
    ]
    factory.defaultValueHistogramBuckets = [1, 10, 50, 100, 250, 500, 1_000, 2_500, 10_000]
    self.factory = factory
  }

  /// Everything recorded, in the Prometheus text format.
  public func exposition() -> [UInt8] {
    var bytes: [UInt8] = []
    registry.emit(into: &bytes)
    return bytes
  }
}
