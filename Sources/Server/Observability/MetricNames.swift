/// Every metric a Sluice server exports, by name: the one list the recording code, the
/// Grafana dashboard (`Deploy/grafana`) and its test agree on.
public enum MetricNames {
  /// Counter by `method`, `code`.
  public static let rpcCalls = "sluice_rpc_calls_total"
  /// Timer (histogram, seconds) by `method`, `code`.
  public static let rpcDuration = "sluice_rpc_duration_seconds"
  /// Gauge by `method`.
  public static let rpcInFlight = "sluice_rpc_in_flight"
  /// Counter by `stream`, `outcome` (accepted, duplicate, rejected).
  public static let events = "sluice_events_total"
  /// Histogram of events per ingest batch.
  public static let ingestBatchSize = "sluice_ingest_batch_size"
  /// Timer (histogram, seconds): produce to delivery report.
  public static let kafkaProduceDuration = "sluice_kafka_produce_duration_seconds"
  /// Counter by `reason`.
  public static let kafkaProduceErrors = "sluice_kafka_produce_errors_total"
  /// Gauge: messages awaiting their delivery report.
  public static let kafkaInFlight = "sluice_kafka_in_flight"
  /// Gauge: write jobs waiting for a writer.
  public static let writerQueueDepth = "sluice_writer_queue_depth"
  /// Histogram of rows per commit.
  public static let writerBatchSize = "sluice_writer_batch_size"
  /// Timer (histogram, seconds) of one group commit.
  public static let writerCommitDuration = "sluice_writer_commit_duration_seconds"
  /// Gauge: writer threads running.
  public static let writerPoolSize = "sluice_writer_pool_size"
  /// Counter: database reconnections.
  public static let databaseReconnects = "sluice_db_reconnects_total"

  /// All of the above.
  public static let all: [String] = [
    rpcCalls, rpcDuration, rpcInFlight, events, ingestBatchSize, kafkaProduceDuration,
    kafkaProduceErrors, kafkaInFlight, writerQueueDepth, writerBatchSize, writerCommitDuration,
    writerPoolSize, databaseReconnects,
  ]
}
