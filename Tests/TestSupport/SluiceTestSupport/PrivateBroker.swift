import Foundation
import SluiceKafka
import Testing

/// A private tansu broker run by `scripts/stack/broker.sh` on a temporary folder and a free
/// port, for one test; it stops when this process exits even if the test never calls
/// ``stop()``. tansu keeps everything in memory: ``restart()`` brings up an empty broker on
/// the same port.
public struct PrivateBroker: Sendable {
  /// The broker's folder (pid file, log, port).
  public let folder: String
  /// `127.0.0.1:PORT`, the same across restarts.
  public let bootstrap: String

  /// Starts a broker on a new temporary folder. Fails the test with a clear message when
  /// the process runs against a librdkafka that cannot talk to tansu (Debian's 2.0.2 fails
  /// at the ApiVersion exchange); removes what it made when the start fails.
  public static func start() async throws -> PrivateBroker {
    try requireBrokerCapableLibrary()
    let folder = try RepositoryPaths.scratchFolder("sluice-test-broker")
    do {
      let output = try await run("start", folder)
      guard
        let line = output.split(separator: "\n").first(where: { $0.hasPrefix("SLUICE_KAFKA_BOOTSTRAP=") })
      else {
        throw TestFailure(description: "broker.sh start printed no bootstrap address: \(output)")
      }
      return PrivateBroker(
        folder: folder, bootstrap: String(line.dropFirst("SLUICE_KAFKA_BOOTSTRAP=".count)))
    } catch {
      _ = try? await run("stop", folder)
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
  }

  /// Runs `body` with a fresh broker and stops it afterwards, also when `body` throws.
  public static func with<Result>(_ body: (PrivateBroker) async throws -> Result) async throws -> Result {
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
  public func kill() async throws { _ = try await Self.run("kill", folder) }
  /// Kills the broker if it runs, then starts a new, empty one on the same port.
  public func restart() async throws { _ = try await Self.run("restart", folder) }
  /// SIGSTOPs the broker: connections stay open, nothing answers.
  public func pause() async throws { _ = try await Self.run("pause", folder) }
  /// SIGCONTs a paused broker (its data is intact).
  public func resume() async throws { _ = try await Self.run("resume", folder) }

  /// Stops the broker and removes its folder.
  public func stop() async {
    _ = try? await Self.run("stop", folder)
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Reads `topic` from the beginning with confluent-kafka until `count` records arrived
  /// and then none for `idle`, or until `timeout` passed (the consumer is killed a minute
  /// after that).
  public func consume(
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

  /// Fails unless the loaded librdkafka is one that works with tansu.
  private static func requireBrokerCapableLibrary() throws {
    let version = KafkaProducer.libraryVersion
    try #require(
      version.isAtLeast(2, 1),
      """
      the tests run against \(version), which cannot talk to the test broker; run them with \
      LD_LIBRARY_PATH="$(bash scripts/kafka-runtime-lib.sh)" (scripts/test.sh does)
      """)
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
