import Foundation
import SluiceGenerated
import SluiceIngest
import SluiceKafka
import SluiceMariaDB

/// The ceiling: the benchmark's events written by this process straight to the same MariaDB
/// and broker, with no RPC and no server. Per call, the events become `EventRecord`s (the
/// protobuf payload with the ingest time, as the server stores it), then go at once to a
/// `WriterPool` of ``PlainEventWriter``s (group-committed multi-row `INSERT IGNORE ...
/// RETURNING` into `sluice_events`, with the server's writer settings) and to a
/// `KafkaProducer` (acks=all, idempotent; the messages the server would produce, to the same
/// topic). A call is done when both acknowledged it.
final class Ceiling: Sendable {
  private let pool: WriterPool<PlainEventWriter>
  private let producer: KafkaProducer
  /// Only encodes the messages; they go to `producer` directly.
  private let encoder: KafkaEventPublisher

  private init(pool: WriterPool<PlainEventWriter>, producer: KafkaProducer, naming: TopicNaming) {
    self.pool = pool
    self.producer = producer
    encoder = KafkaEventPublisher(producer: producer, naming: naming)
  }

  /// Applies the event store's migration (as the server does), starts the pool and the
  /// producer.
  static func start(stack: Stack, settings: WriterSettings) async throws -> Ceiling {
    let database = try MariaDBConfiguration(url: stack.databaseURL)
    let migrations = EventStoreSchema.migrations.map {
      Migration(version: $0.version, name: "events v\($0.version)", statements: $0.statements)
    }
    _ = try await Migrator(migrations).migrate(database)
    var configuration = WriterPoolConfiguration(
      maximumQueuedJobs: settings.writerQueue, maximumBatchWeight: settings.commitBatchRows)
    configuration.sizing = PoolSizeController.Configuration(
      minimum: settings.writersMinimum, maximum: settings.writersMaximum)
    let pool = WriterPool(database: database, configuration: configuration, writer: PlainEventWriter())
    pool.start()
    var properties: [String: String] = [:]
    for property in settings.kafkaProperties {
      let parts = property.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { throw BenchError("--kafka-property \(property) is not NAME=VALUE") }
      properties[parts[0]] = parts[1]
    }
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(
        bootstrapServers: stack.kafkaBrokers, properties: properties))
    return Ceiling(pool: pool, producer: producer, naming: try .perStream(prefix: "sluice."))
  }

  /// Writes `events` to both sinks at once.
  func ingest(_ events: [Sluice_V1_Event]) async -> CallOutcome {
    let now = Int64(Date().timeIntervalSince1970 * 1_000_000)
    let records = events.map { EventRecord(event: $0, ingestMicros: now) }
    let messages = records.map(encoder.message)
    let deadline = ContinuousClock.now + .seconds(30)
    async let delivered = Self.capture { [producer] in
      _ = try await producer.produce(messages, deadline: deadline)
    }
    let stored = await Self.capture { [pool] in
      try await pool.submit(records, deadline: deadline)
    }
    do {
      try await delivered.get()
      let inserted = try stored.get()
      guard inserted == events.count else {
        return .failed("inserted \(inserted) of \(events.count)")
      }
      return .ok(events: events.count)
    } catch {
      return .failed("\(error)")
    }
  }

  private static func capture<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do {
      return .success(try await body())
    } catch {
      return .failure(error)
    }
  }

  /// Lets queued writes finish and closes the producer.
  func stop() async {
    await pool.shutdown(gracePeriod: .seconds(5))
    await producer.close(timeout: .seconds(5))
  }
}
