import Foundation
import SluiceKafka
import Testing

/// A private tansu broker run by `scripts/stack/broker.sh` on a temporary folder and a free
/// port; it stops when this process exits even if the test never calls ``stop()``. tansu
/// keeps everything in memory: ``restart()`` brings up an empty broker on the same port.
struct PrivateBroker {
  let folder: String
  /// `127.0.0.1:PORT`, the same across restarts.
  let bootstrap: String

  /// Starts a broker. Fails the test with a clear message when the process runs against a
  /// librdkafka that cannot talk to tansu (Debian's 2.0.2 fails at the ApiVersion exchange).
  static func start() async throws -> PrivateBroker {
    try requireBrokerCapableLibrary()
    let folder = try RepositoryPaths.scratchFolder("sluice-svc-broker")
    let output: String
    do {
      output = try await run("start", folder)
    } catch {
      _ = try? await run("stop", folder)
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
    guard
      let line = output.split(separator: "\n").first(where: { $0.hasPrefix("SLUICE_KAFKA_BOOTSTRAP=") })
    else {
      throw TestFailure(description: "broker.sh start printed no bootstrap address: \(output)")
    }
    return PrivateBroker(
      folder: folder, bootstrap: String(line.dropFirst("SLUICE_KAFKA_BOOTSTRAP=".count)))
  }

  /// Runs `body` with a fresh broker and stops it afterwards, also when `body` throws.
  static func with<Result>(_ body: (PrivateBroker) async throws -> Result) async throws -> Result {
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

  /// SIGKILLs the broker and waits until it is gone (its data is lost).
  func kill() async throws { _ = try await Self.run("kill", folder) }
  /// Starts a new, empty broker on the same port.
  func restart() async throws { _ = try await Self.run("restart", folder) }

  /// Stops the broker and removes its folder.
  func stop() async {
    _ = try? await Self.run("stop", folder)
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Reads `topic` from the beginning with confluent-kafka until `count` records arrived
  /// and then none for `idle`, or until `timeout` passed.
  func consume(
    topic: String, count: Int, idle: Duration = .zero, timeout: Duration = .seconds(60)
  ) async throws -> [ConsumedRecord] {
    let result = try await TestProcess.run(
      [
        "python3", RepositoryPaths.consumeFixture, "--bootstrap", bootstrap, "--topic", topic,
        "--count", String(count), "--timeout", String(Self.seconds(timeout)),
        "--idle", String(Self.seconds(idle)),
      ], timeout: timeout + .seconds(60))
    guard result.status == 0 else {
      throw TestFailure(description: "consume.py failed (\(result.status)): \(result.stderr)")
    }
    let decoder = JSONDecoder()
    return try result.stdout.split(separator: "\n").map {
      try decoder.decode(ConsumedRecord.self, from: Data($0.utf8))
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  private static func run(_ command: String, _ folder: String) async throws -> String {
    let result = try await TestProcess.run(
      ["bash", RepositoryPaths.brokerScript, command, folder],
      environment: ["SLUICE_KAFKA_WATCH_PID": String(getpid())])
    guard result.status == 0 else {
      throw TestFailure(
        description: "broker.sh \(command) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
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

  /// The value of the first header named `name`, as text.
  func header(_ name: String) -> String? {
    headers.first { $0.first == name }.map { String(decoding: Self.bytes(hex: $0[1]), as: UTF8.self) }
  }

  static func bytes(hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return bytes
  }
}
