import ArgumentParser
import Foundation
import SluiceApp
import SluiceCommandSupport

/// `sluice serve`: runs the ingestion and query service until SIGTERM or SIGINT.
///
/// Every setting comes from a flag, else the `SLUICE_` environment variable of the same
/// name (`--database-url` → `SLUICE_DATABASE_URL`), else the JSON file given with
/// `--config`, else the embedded default.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the ingestion and query service (gRPC and Connect on one port).",
    discussion: """
      Without --database-url the server starts and owns a private mariadbd (system
      package) under --data-dir; without --kafka-brokers the Kafka sink is off. Every
      option can also be set as SLUICE_<NAME> (e.g. SLUICE_DATABASE_URL) or in the JSON
      file given with --config ({"database-url": "...", "writers-max": 8}).
      """)

  @Option(help: "JSON file of settings (keys are the option names).")
  var config: String?
  @Option(help: "Address to listen on (default 127.0.0.1).")
  var host: String?
  @Option(help: "Port (default 50051; 0 picks a free one).")
  var port: String?
  @Option(help: "PEM certificate chain for TLS (with --tls-key).")
  var tlsCert: String?
  @Option(help: "PEM private key for TLS.")
  var tlsKey: String?
  @Option(help: "PEM CA file that client certificates are checked against (mTLS).")
  var tlsClientCa: String?
  @Option(help: "Refuse TLS clients without a certificate (true/false).")
  var requireClientCert: String?
  @Option(help: "Serve plaintext (h2c, HTTP/1.1) on the TLS port too (true/false; default false with TLS).")
  var allowPlaintext: String?
  @Option(help: "MariaDB URL: mariadb://user:pass@host[:port][,host2...]/db or mariadb+unix:///sock?database=db.")
  var databaseUrl: String?
  @Option(help: "Folder of the embedded database (default .sluice/mariadb).")
  var dataDir: String?
  @Option(help: "Kafka bootstrap servers, host:port[,host:port...] (default: Kafka off).")
  var kafkaBrokers: String?
  @Option(help: "Send every event to this one topic.")
  var kafkaTopic: String?
  @Option(help: "One topic per stream: this prefix plus the stream name (default sluice.).")
  var kafkaTopicPrefix: String?
  @Option(help: "A librdkafka property NAME=VALUE (repeatable): TLS, SASL, compression, linger.")
  var kafkaProperty: [String] = []
  @Option(help: "Fewest writer connections (default 1).")
  var writersMin: String?
  @Option(help: "Most writer connections (default 4).")
  var writersMax: String?
  @Option(help: "Most rows per commit (default 2000).")
  var commitBatchRows: String?
  @Option(help: "Most ingest calls waiting for a writer before RESOURCE_EXHAUSTED (default 10000).")
  var writerQueue: String?
  @Option(help: "Most events per ingest batch (default 10000).")
  var maxBatchEvents: String?
  @Option(help: "Most bytes of data per event (default 1048576).")
  var maxDataBytes: String?
  @Option(help: "The only streams accepted (repeatable or comma-separated; default any).")
  var streams: [String] = []
  @Option(help: "Most bytes per RPC message (default 4194304).")
  var maxMessageBytes: String?
  @Option(help: "Close connections idle this long, e.g. 5m (default never).")
  var idleTimeout: String?
  @Option(help: "How long in-flight calls may finish on shutdown, e.g. 10s (default 10s).")
  var shutdownGrace: String?

  /// The flags given, by setting name.
  var flags: [String: [String]] {
    var flags: [String: [String]] = [:]
    let single: [(String, String?)] = [
      ("host", host), ("port", port), ("tls-cert", tlsCert), ("tls-key", tlsKey),
      ("tls-client-ca", tlsClientCa), ("require-client-cert", requireClientCert),
      ("allow-plaintext", allowPlaintext), ("database-url", databaseUrl), ("data-dir", dataDir),
      ("kafka-brokers", kafkaBrokers), ("kafka-topic", kafkaTopic),
      ("kafka-topic-prefix", kafkaTopicPrefix), ("writers-min", writersMin),
      ("writers-max", writersMax), ("commit-batch-rows", commitBatchRows),
      ("writer-queue", writerQueue), ("max-batch-events", maxBatchEvents),
      ("max-data-bytes", maxDataBytes), ("max-message-bytes", maxMessageBytes),
      ("idle-timeout", idleTimeout), ("shutdown-grace", shutdownGrace),
    ]
    for case (let name, let value?) in single { flags[name] = [value] }
    flags["kafka-property"] = kafkaProperty
    flags["streams"] = streams.flatMap { $0.split(separator: ",").map(String.init) }
    return flags
  }

  func run() async throws {
    let configuration: ServiceConfiguration
    do {
      var file: [String: [String]] = [:]
      if let config {
        guard let data = FileManager.default.contents(atPath: config) else {
          throw SettingError("--config: cannot read \(config)")
        }
        file = try LayeredSettings.parseFile(data, path: config)
      }
      let settings = LayeredSettings(
        flags: flags, environment: ProcessInfo.processInfo.environment, file: file)
      configuration = try ServiceConfiguration(settings: settings)
    } catch let error as SettingError {
      throw ValidationError(error.description)
    }
    let service = SluiceService(configuration: configuration)
    _ = try await service.start()
    let signals = SignalWatcher { await service.shutdown() }
    try await service.run()
    // The server stops first; wait for the rest (writes, Kafka, the database) too.
    await service.shutdown()
    signals.cancel()
  }
}
