import ArgumentParser
import Foundation

/// `ingest-bench`: sustained end-to-end ingest through `sluice serve` (generated client →
/// server → Kafka + MariaDB) against the ceiling, the same events written straight to the
/// same MariaDB and broker with no Sluice in between; or, with `--soak`, a long Sluice run
/// that samples the server's resident memory.
@main
struct IngestBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest-bench",
    abstract: "End-to-end ingest through sluice serve vs. the plain MariaDB + Kafka ceiling.",
    discussion: """
      Starts a private MariaDB and tansu broker with the repository's stack scripts (unless \
      --database-url and --kafka-brokers are given), then `sluice serve` as a separate \
      process. For each batch size it alternates Sluice runs and ceiling runs (A, B, A, B), \
      each after a warm-up, and prints one Markdown table per batch size. The ceiling uses \
      Sluice's WriterPool with EventBatchWriter's SQL (group-committed multi-row INSERT \
      IGNORE ... RETURNING into sluice_events, the same writer settings) and Sluice's \
      KafkaProducer (the same messages and topic) at once; an event counts once both have it. \
      Run under LD_LIBRARY_PATH="$(scripts/kafka-runtime-lib.sh)" (see run.sh).
      """)

  @Option(help: "The Sluice checkout whose scripts/stack start MariaDB and the broker.")
  var repo: String = "."
  @Option(help: "The `sluice` executable (release build).")
  var sluice: String
  @Option(help: "Scratch folder: stack data, server log, results.")
  var work: String = "/tmp/ingestbench/run"
  @Option(help: "Use this MariaDB instead of starting one (mariadb://user@host:port/db).")
  var databaseUrl: String?
  @Option(help: "Use this broker instead of starting one (host:port).")
  var kafkaBrokers: String?

  @Option(help: "Batch sizes (events per call), comma-separated.")
  var batches: String = "1,100,1000"
  @Option(help: "Calls in flight per batch size, BATCH:CALLS comma-separated; others use --calls.")
  var concurrency: String = "1:32,100:16,1000:16"
  @Option(help: "Calls in flight for batch sizes --concurrency does not name.")
  var calls: Int = 16
  @Option(help: "HTTP/2 connections the Sluice clients spread their calls over.")
  var connections: Int = 4
  @Option(help: "Seconds measured per run.")
  var duration: Int = 15
  @Option(help: "Seconds of warm-up before each measured run.")
  var warmup: Int = 3
  @Option(help: "Sluice/ceiling pairs per batch size (interleaved).")
  var rounds: Int = 2

  @Option(help: "Writer connections, fewest (passed to sluice serve and the ceiling alike).")
  var writersMin: Int = 1
  @Option(help: "Writer connections, most.")
  var writersMax: Int = 4
  @Option(help: "Most rows per commit.")
  var commitBatchRows: Int = 2_000
  @Option(help: "Most ingest calls waiting for a writer.")
  var writerQueue: Int = 10_000
  @Option(help: "A librdkafka property NAME=VALUE for both producers (repeatable).")
  var kafkaProperty: [String] = []

  @Option(help: "Soak mode: ingest through Sluice for this many seconds, sampling the server's RSS.")
  var soak: Int?
  @Option(help: "Soak: events per call.")
  var soakBatch: Int = 1
  @Option(help: "Soak: calls in flight.")
  var soakCalls: Int = 32
  @Option(help: "Soak: most events per second (0: no cap); tansu keeps every message in memory.")
  var soakRate: Int = 5_000
  @Option(help: "Soak: seconds between RSS samples.")
  var sampleInterval: Int = 10

  @Option(help: "Also write the results as JSON to this file.")
  var json: String?

  func validate() throws {
    guard (databaseUrl == nil) == (kafkaBrokers == nil) else {
      throw ValidationError("give both --database-url and --kafka-brokers, or neither")
    }
    guard (try? parsedBatches()) != nil, (try? parsedConcurrency()) != nil else {
      throw ValidationError("--batches is N,N,... and --concurrency is BATCH:CALLS,...")
    }
    guard duration > 0, warmup >= 0, rounds > 0, connections > 0, calls > 0 else {
      throw ValidationError("durations, rounds, connections and calls must be positive")
    }
    guard (soak ?? 1) > 0, soakBatch > 0, soakCalls > 0, soakRate >= 0, sampleInterval > 0 else {
      throw ValidationError("soak seconds, batch, calls and sample interval must be positive")
    }
  }

  func run() async throws {
    let settings = WriterSettings(
      writersMinimum: writersMin, writersMaximum: writersMax, commitBatchRows: commitBatchRows,
      writerQueue: writerQueue, kafkaProperties: kafkaProperty)
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    let stack = try await Stack.start(
      repo: repo, work: work, databaseURL: databaseUrl, kafkaBrokers: kafkaBrokers)
    defer { stack.stop() }
    let server = try await SluiceServerProcess.start(
      executable: sluice, stack: stack, settings: settings, log: work + "/sluice-serve.log")
    defer { server.stop() }
    Console.log("sluice serve pid \(server.processID) on port \(server.port); \(stack)")

    if let soak {
      let result = try await Soak(
        server: server, connections: connections, calls: soakCalls, batch: soakBatch, rate: soakRate,
        duration: .seconds(soak), sampleInterval: .seconds(sampleInterval)
      ).run()
      print(Report.soakMarkdown(result))
      try write(Report.soakJSON(result))
      return
    }

    let ceiling = try await Ceiling.start(stack: stack, settings: settings)
    var comparisons: [Comparison] = []
    let perBatch = try parsedConcurrency()
    do {
      for batch in try parsedBatches() {
        let comparison = try await compare(
          batch: batch, calls: perBatch[batch] ?? calls, server: server, ceiling: ceiling,
          stack: stack)
        comparisons.append(comparison)
        print(Report.markdown(comparison))
      }
    } catch {
      await ceiling.stop()
      throw error
    }
    await ceiling.stop()
    try write(Report.json(comparisons))
  }

  /// Runs Sluice and the ceiling `rounds` times each, alternating, for one batch size.
  private func compare(
    batch: Int, calls: Int, server: SluiceServerProcess, ceiling: Ceiling, stack: Stack
  ) async throws -> Comparison {
    let sluiceClient = try SluiceIngestClient(port: server.port, connections: connections)
    defer { sluiceClient.close() }
    let factory = EventFactory()
    var comparison = Comparison(
      batch: batch, calls: calls, connections: connections, eventBytes: factory.eventBytes)
    let watched = ProcessSet(server: server.processID, stack: stack)
    for round in 0..<rounds {
      let driver = LoadDriver(
        calls: calls, warmup: .seconds(warmup), duration: .seconds(duration), watched: watched)
      let sluiceTag = "s\(batch)r\(round)\(Self.runNonce)"
      comparison.sluice.append(
        await driver.run { worker, call in
          await sluiceClient.ingest(
            factory.batch(tag: sluiceTag, worker: worker, call: call, size: batch), worker: worker)
        })
      Console.log("batch \(batch) round \(round) sluice: \(comparison.sluice.last!.summary)")
      let ceilingTag = "c\(batch)r\(round)\(Self.runNonce)"
      comparison.ceiling.append(
        await driver.run { worker, call in
          await ceiling.ingest(factory.batch(tag: ceilingTag, worker: worker, call: call, size: batch))
        })
      Console.log("batch \(batch) round \(round) ceiling: \(comparison.ceiling.last!.summary)")
    }
    return comparison
  }

  /// Distinguishes this process's event ids from earlier runs on the same database.
  static let runNonce = String(UInt32.random(in: 0...UInt32.max), radix: 36)

  private func write(_ json: String) throws {
    guard let path = self.json else { return }
    try json.write(toFile: path, atomically: true, encoding: .utf8)
  }

  func parsedBatches() throws -> [Int] {
    let sizes = batches.split(separator: ",").compactMap { Int($0) }
    guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { throw ValidationError("bad --batches") }
    return sizes
  }

  func parsedConcurrency() throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    for pair in concurrency.split(separator: ",") {
      let parts = pair.split(separator: ":")
      guard parts.count == 2, let batch = Int(parts[0]), let calls = Int(parts[1]), calls > 0 else {
        throw ValidationError("bad --concurrency entry \(pair)")
      }
      result[batch] = calls
    }
    return result
  }
}

/// The writer settings `sluice serve` and the ceiling share.
struct WriterSettings: Sendable {
  var writersMinimum: Int
  var writersMaximum: Int
  var commitBatchRows: Int
  var writerQueue: Int
  /// librdkafka properties, `NAME=VALUE`.
  var kafkaProperties: [String]
}
