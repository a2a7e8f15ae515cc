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

/// A producer configuration for tests: the given broker, quick health checks, events kept.
func testConfiguration(
  bootstrap: String, log: EventLog, properties: [String: String] = [:],
  stallTimeout: Duration = .seconds(10)
) -> KafkaProducerConfiguration {
  KafkaProducerConfiguration(
    bootstrapServers: bootstrap, properties: properties, probeInterval: .milliseconds(200),
    probeTimeout: .milliseconds(500), stallTimeout: stallTimeout, eventHandler: log.handler)
}
