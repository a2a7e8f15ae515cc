import Foundation
import SluiceKafka
import Testing

/// A private tansu broker for one test, run through scripts/stack/broker.sh in a temporary
/// folder on a free port; the broker stops when the test process exits even if the test
/// never calls `stop`.
struct TestBroker {
  let directory: String
  let bootstrap: String

  /// Starts a broker. Fails the test with a clear message when the process runs against a
  /// librdkafka that cannot talk to tansu (Debian's 2.0.2 fails at the ApiVersion exchange).
  static func start() async throws -> TestBroker {
    try requireBrokerCapableLibrary()
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-kafka-\(UUID().uuidString)").path
    let output = try await run("start", directory)
    guard
      let line = output.split(separator: "\n").first(where: { $0.hasPrefix("SLUICE_KAFKA_BOOTSTRAP=") })
    else {
      throw TestFailure(description: "broker.sh start printed no bootstrap address: \(output)")
    }
    return TestBroker(
      directory: directory, bootstrap: String(line.dropFirst("SLUICE_KAFKA_BOOTSTRAP=".count)))
  }

  /// Runs `body` with a fresh broker and stops the broker afterwards, also when `body` throws.
  static func with<Result>(_ body: (TestBroker) async throws -> Result) async throws -> Result {
    let broker = try await start()
    do {
      let result = try await body(broker)
      await broker.stop()
      return result
    } catch {
      await broker.stop()
      throw error
    }
  }

  /// SIGKILLs the broker and waits until it is gone (its in-memory data is lost).
  func kill() async throws { _ = try await Self.run("kill", directory) }
  /// Kills the broker if it runs, then starts a new, empty one on the same port.
  func restart() async throws { _ = try await Self.run("restart", directory) }
  /// SIGSTOPs the broker: connections stay open, nothing answers.
  func pause() async throws { _ = try await Self.run("pause", directory) }
  /// SIGCONTs a paused broker.
  func resume() async throws { _ = try await Self.run("resume", directory) }

  /// Stops the broker and removes its folder.
  func stop() async {
    _ = try? await Self.run("stop", directory)
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Reads `topic` from the beginning with confluent-kafka until `count` records arrived
  /// and then none for `idle`, or until `timeout` passed.
  func consume(
    topic: String, count: Int, idle: Duration = .zero, timeout: Duration = .seconds(30)
  ) async throws -> [ConsumedRecord] {
    let output = try await runProcess([
      "python3", RepositoryPaths.consumeFixture, "--bootstrap", bootstrap, "--topic", topic,
      "--count", String(count), "--timeout", String(Double(timeout.components.seconds)),
      "--idle", String(Double(idle.components.seconds) + Double(idle.components.attoseconds) / 1e18),
    ])
    guard output.status == 0 else {
      throw TestFailure(description: "consume.py failed (\(output.status)): \(output.stderr)")
    }
    let decoder = JSONDecoder()
    return try output.stdout.split(separator: "\n").map {
      try decoder.decode(ConsumedRecord.self, from: Data($0.utf8))
    }
  }

  private static func run(_ command: String, _ directory: String) async throws -> String {
    let output = try await runProcess(
      ["bash", RepositoryPaths.brokerScript, command, directory],
      environment: ["SLUICE_KAFKA_WATCH_PID": String(getpid())])
    guard output.status == 0 else {
      throw TestFailure(
        description: "broker.sh \(command) failed (\(output.status)): \(output.stderr)")
    }
    return output.stdout
  }
}

/// Fails unless the loaded librdkafka is one that works with tansu.
func requireBrokerCapableLibrary() throws {
  let version = KafkaProducer.libraryVersion
  try #require(
    version.isAtLeast(2, 1),
    """
    the tests run against \(version), which cannot talk to the test broker; run them with \
    LD_LIBRARY_PATH="$(bash scripts/kafka-runtime-lib.sh)" (scripts/test.sh does)
    """)
}

/// One record as consume.py prints it (bytes as hex).
struct ConsumedRecord: Decodable, Hashable {
  var topic: String
  var partition: Int32
  var offset: Int64
  var key: String?
  var value: String
  var headers: [[String]]

  var keyBytes: [UInt8]? { key.map(Self.bytes(hex:)) }
  var valueBytes: [UInt8] { Self.bytes(hex: value) }
  var headerPairs: [KafkaHeader] {
    headers.map { KafkaHeader(name: $0[0], value: Self.bytes(hex: $0[1])) }
  }

  static func bytes(hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }
}
