import SluiceIngest
import SluiceKafka
import SluiceMariaDB
public import SluiceObservability
import SluiceRuntime
import SluiceServer
public import SluiceStandardServices
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The ingestion and query service assembled: database (embedded or by URL), Kafka
/// producer (when brokers are configured), the ingest and query services, health and
/// reflection, metrics, and the RPC server on one port.
///
/// ``start()`` brings the parts up in dependency order and logs what it did (which
/// database, whether Kafka is on and which librdkafka it loaded); ``shutdown()`` takes
/// them down in reverse after in-flight calls finish.
public final class SluiceService: Sendable {
  /// What it runs with.
  public let configuration: ServiceConfiguration
  /// The metrics every part records into (served on `/metrics` when routes are wired).
  public let metrics: MetricsRegistry
  /// The health statuses it reports; NOT_SERVING from the start of shutdown.
  public let health: HealthStatusProvider
  private let log: @Sendable (String) -> Void
  private let parts = Mutex(Parts())
  private let stopping = Mutex<Task<Void, Never>?>(nil)

  private struct Parts {
    var embedded: EmbeddedMariaDB?
    var store: MariaDBEventStore?
    var producer: KafkaProducer?
    var server: Server?
    var tailHub: TailHub?
    var tailPoller: Task<Void, Never>?
  }

  /// A service for `configuration`; `log` receives one line per start-up or shutdown step.
  public init(
    configuration: ServiceConfiguration,
    log: @escaping @Sendable (String) -> Void = SluiceService.logToStandardError
  ) {
    self.configuration = configuration
    self.log = log
    metrics = MetricsRegistry()
    health = HealthStatusProvider()
  }

  /// Starts every part and returns the address the server listens on.
  public func start() async throws -> (host: String, port: Int) {
    do {
      return try await startParts()
    } catch {
      await shutdown()
      throw error
    }
  }

  private func startParts() async throws -> (host: String, port: Int) {
    let database: MariaDBConfiguration
    if let url = configuration.databaseURL {
      database = try MariaDBConfiguration(url: url)
      log("database: \(database)")
    } else {
      log("database: no URL given; starting a private mariadbd in \(configuration.embeddedDatabaseFolder)")
      let embedded = try await EmbeddedMariaDB.start(
        EmbeddedMariaDB.Configuration(folder: configuration.embeddedDatabaseFolder))
      parts.withLock { $0.embedded = embedded }
      database = embedded.database
      log("database: embedded mariadbd (pid \(embedded.processID)) at \(embedded.url)")
    }

    var writerConfiguration = WriterPoolConfiguration(
      maximumQueuedJobs: configuration.writerQueueBound,
      maximumBatchWeight: configuration.commitBatchRows)
    writerConfiguration.sizing = PoolSizeController.Configuration(
      minimum: configuration.writersMinimum, maximum: configuration.writersMaximum)
    let store = MariaDBEventStore(
      database: database, writerConfiguration: writerConfiguration,
      observer: WriterMetricsObserver(factory: metrics.factory))
    try await Self.onThread { try store.start() }
    parts.withLock { $0.store = store }
    log("database: migrations applied; \(configuration.writersMinimum) to \(configuration.writersMaximum) writers")

    var publisher: KafkaEventPublisher?
    if let brokers = configuration.kafkaBrokers {
      let throttle = Mutex(KafkaLogThrottle())
      let producer = try KafkaProducer(
        configuration: KafkaProducerConfiguration(
          bootstrapServers: brokers, properties: configuration.kafkaProperties,
          eventHandler: { [log] event in
            let line = throttle.withLock { $0.line(for: event, at: .now) }
            if let line { log("kafka: \(line)") }
          }))
      parts.withLock { $0.producer = producer }
      let naming: TopicNaming =
        switch configuration.topics {
        case .single(let topic): try .single(topic)
        case .perStream(let prefix): try .perStream(prefix: prefix)
        }
      publisher = KafkaEventPublisher(producer: producer, naming: naming, metrics: metrics.factory)
      log("kafka: producing to \(brokers) (\(naming)) with \(KafkaProducer.libraryVersion)")
    } else {
      log("kafka: off (no brokers configured); events go to the database only")
    }

    let pipeline = IngestPipeline(
      validator: EventValidator(limits: configuration.limits), store: store, publisher: publisher,
      clock: Self.nowMicros, metrics: metrics.factory)
    let hub = TailHub(reader: store)
    let poller = Task { await hub.run() }
    parts.withLock {
      $0.tailHub = hub
      $0.tailPoller = poller
    }

    let services: [any RPCService] = [
      IngestService(pipeline: pipeline), QueryService(reader: store, tailHub: hub),
      HealthService(provider: health),
    ]
    let server = try Server(
      configuration: configuration.server,
      services: services + ServerReflection.services(describing: services),
      interceptors: [RPCMetricsInterceptor(factory: metrics.factory)],
      routes: [metricsRoute(), HTTPRoute.health { [health] in !health.isShuttingDown }])
    parts.withLock { $0.server = server }
    let address = try await server.start()
    log("listening on \(address.host):\(address.port) (gRPC and Connect; h2c, HTTP/1.1\(configuration.server.tls == nil ? "" : ", TLS"); GET /metrics, /healthz)")
    return address
  }

  /// `GET /metrics`: every metric in the Prometheus text format.
  private func metricsRoute() -> HTTPRoute {
    HTTPRoute(path: "/metrics") { [metrics] _ in
      HTTPRouteResponse(contentType: MetricsRegistry.contentType, body: metrics.exposition())
    }
  }

  /// Waits until the server stops.
  public func run() async throws {
    guard let server = parts.withLock({ $0.server }) else { return }
    try await server.run()
  }

  /// Stops everything: health turns NOT_SERVING, open tails end with UNAVAILABLE,
  /// in-flight calls get the grace period, queued writes commit, Kafka is flushed, the
  /// embedded database stops. Every caller returns once the one shutdown has finished.
  public func shutdown() async {
    let task = stopping.withLock { task in
      if let task { return task }
      let started = Task { await self.stopParts() }
      task = started
      return started
    }
    await task.value
  }

  private func stopParts() async {
    health.enterGracefulShutdown()
    let current = parts.withLock { parts in
      defer { parts = Parts() }
      return parts
    }
    let grace = configuration.shutdownGracePeriod
    // Tails never finish by themselves: end them first (UNAVAILABLE, the client follows
    // another server) so that the grace period is left to the calls that do finish.
    current.tailHub?.stop()
    if let server = current.server {
      log("stopping: letting in-flight calls finish (up to \(grace))")
      await server.shutdown(gracePeriod: grace)
    }
    current.tailPoller?.cancel()
    await current.store?.shutdown(gracePeriod: grace)
    if let producer = current.producer {
      await producer.close(timeout: grace)
    }
    if let embedded = current.embedded {
      log("stopping the embedded mariadbd")
      await embedded.stop()
    }
    log("stopped")
  }

  /// Writes `sluice: line` to standard error.
  public static let logToStandardError: @Sendable (String) -> Void = { line in
    var line = "sluice: " + line + "\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }

  /// Microseconds since the Unix epoch.
  static func nowMicros() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
  }

  /// Runs blocking start-up work on a thread of its own.
  static func onThread(_ body: @escaping @Sendable () throws -> Void) async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      let box = Unmanaged.passRetained(ThreadBody { continuation.resume(with: Result { try body() }) })
      var thread = pthread_t()
      let status = pthread_create(&thread, &attributes, { raw in
        let body = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
        body.run()
        return nil
      }, box.toOpaque())
      if status == 0 {
        pthread_detach(thread)
      } else {
        box.release()
        continuation.resume(throwing: RPCError(code: .internal, message: "cannot start a thread"))
      }
    }
  }
}

/// A closure a new thread runs.
private final class ThreadBody: @unchecked Sendable {
  let run: () -> Void
  init(_ run: @escaping () -> Void) { self.run = run }
}
