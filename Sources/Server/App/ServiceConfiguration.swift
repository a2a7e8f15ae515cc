public import SluiceIngest
public import SluiceServer

/// Everything `sluice serve` can be told, with the embedded defaults: listen on
/// 127.0.0.1:50051 (h2c and HTTP/1.1), own a private MariaDB under `.sluice/mariadb`,
/// no Kafka.
public struct ServiceConfiguration: Sendable {
  /// The RPC server: address, TLS, limits, keepalive.
  public var server: ServerConfiguration
  /// A MariaDB URL (`mariadb://user:pass@host1:3306,host2:3306/db` or
  /// `mariadb+unix:///path/to.sock?database=db`); nil starts the embedded server.
  public var databaseURL: String?
  /// Where the embedded server keeps its data (used only without ``databaseURL``).
  public var embeddedDatabaseFolder: String
  /// Kafka bootstrap servers (`host:port,...`); nil turns the Kafka sink off.
  public var kafkaBrokers: String?
  /// How streams map to topics.
  public var topics: TopicChoice
  /// librdkafka properties passed through (TLS, SASL, compression, linger, ...).
  public var kafkaProperties: [String: String]
  /// Writer threads (each one database connection), between these bounds.
  public var writersMinimum: Int
  public var writersMaximum: Int
  /// Most rows committed in one transaction.
  public var commitBatchRows: Int
  /// Most ingest calls waiting for a writer; beyond it calls fail with RESOURCE_EXHAUSTED.
  public var writerQueueBound: Int
  /// What events may look like (sizes, declared streams).
  public var limits: IngestLimits
  /// How long in-flight calls may take to finish on shutdown.
  public var shutdownGracePeriod: Duration

  /// Streams to topics.
  public enum TopicChoice: Sendable, Hashable {
    /// Every event to one topic.
    case single(String)
    /// One topic per stream: the prefix and the stream name.
    case perStream(prefix: String)
  }

  /// The embedded defaults.
  public init(
    server: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 50051),
    databaseURL: String? = nil, embeddedDatabaseFolder: String = ".sluice/mariadb",
    kafkaBrokers: String? = nil, topics: TopicChoice = .perStream(prefix: "sluice."),
    kafkaProperties: [String: String] = [:], writersMinimum: Int = 1, writersMaximum: Int = 4,
    commitBatchRows: Int = 2_000, writerQueueBound: Int = 10_000, limits: IngestLimits = IngestLimits(),
    shutdownGracePeriod: Duration = .seconds(10)
  ) {
    self.server = server
    self.databaseURL = databaseURL
    self.embeddedDatabaseFolder = embeddedDatabaseFolder
    self.kafkaBrokers = kafkaBrokers
    self.topics = topics
    self.kafkaProperties = kafkaProperties
    self.writersMinimum = writersMinimum
    self.writersMaximum = writersMaximum
    self.commitBatchRows = commitBatchRows
    self.writerQueueBound = writerQueueBound
    self.limits = limits
    self.shutdownGracePeriod = shutdownGracePeriod
  }
}
