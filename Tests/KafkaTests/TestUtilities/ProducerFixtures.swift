import SluiceKafka
import Synchronization

/// Collects the producer's events (logs, health changes) for failure messages, instead of
/// letting librdkafka write to stderr.
final class EventLog: Sendable {
  private let events = Mutex<[KafkaProducerEvent]>([])

  var handler: @Sendable (KafkaProducerEvent) -> Void {
    { [self] event in events.withLock { $0.append(event) } }
  }

  var all: [KafkaProducerEvent] { events.withLock { $0 } }

  var summary: String {
    all.suffix(40).map(\.description).joined(separator: "\n")
  }
}

/// Waits until `condition` holds on the producer's health, for at most `timeout`.
func waitForHealth(
  _ producer: KafkaProducer, timeout: Duration, _ condition: (KafkaHealth) -> Bool
) async throws -> Bool {
  let giveUp = ContinuousClock.now + timeout
  while ContinuousClock.now < giveUp {
    if condition(producer.health) { return true }
    try await Task.sleep(for: .milliseconds(20))
  }
  return condition(producer.health)
}

/// A producer configuration for tests: the given broker, quick health checks, events kept.
func testConfiguration(
  bootstrap: String, log: EventLog, properties: [String: String] = [:],
  stallTimeout: Duration = .seconds(10)
) -> KafkaProducerConfiguration {
  KafkaProducerConfiguration(
    bootstrapServers: bootstrap, properties: properties, probeInterval: .milliseconds(200),
    probeTimeout: .milliseconds(500), stallTimeout: stallTimeout, eventHandler: log.handler)
}
