import SluiceGenerated
import SluiceKafka
import SluiceRuntime
import Testing

@testable import SluiceIngest

@Suite("KafkaEventPublisher")
struct KafkaEventPublisherTests {
  func record(partitionKey: String = "", subject: String = "") -> EventRecord {
    var event = Sluice_V1_Event()
    event.stream = "orders"
    event.id = "e-1"
    event.source = "/shop"
    event.type = "order.created"
    event.subject = subject
    event.partitionKey = partitionKey
    return EventRecord(event: event, ingestMicros: 1_000_000)
  }

  func message(_ record: EventRecord, naming: TopicNaming) throws -> KafkaMessage {
    // The producer is never used: only the message mapping is under test.
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:1"))
    defer { Task { await producer.close(timeout: .zero) } }
    return KafkaEventPublisher(producer: producer, naming: naming).message(record)
  }

  @Test func keysTopicsAndHeadersFollowTheEvent() throws {
    let perStream = try TopicNaming.perStream(prefix: "sluice.")
    let plain = try message(record(), naming: perStream)
    #expect(plain.topic == perStream.topic(forStream: "orders"))
    #expect(plain.key == Array("e-1".utf8))
    let headers = Dictionary(uniqueKeysWithValues: plain.headers.map { ($0.name, $0.value) })
    #expect(headers["ce_id"] == Array("e-1".utf8))
    #expect(headers["ce_type"] == Array("order.created".utf8))
    #expect(headers["sluice_stream"] == Array("orders".utf8))
    #expect(headers["ce_subject"] == nil)
    let decoded = try Sluice_V1_Event(serializedBytes: plain.value)
    #expect(decoded.id == "e-1" && decoded.ingestTime != nil)

    let keyed = try message(record(partitionKey: "customer-7", subject: "o-9"), naming: .single("events"))
    #expect(keyed.topic == "events" && keyed.key == Array("customer-7".utf8))
    #expect(keyed.headers.contains { $0.name == "ce_subject" && $0.value == Array("o-9".utf8) })
  }

  @Test func producerFailuresMapToStatuses() {
    let cases: [(KafkaProducerError.Code, StatusCode)] = [
      (.queueFull, .resourceExhausted), (.unavailable, .unavailable), (.closed, .unavailable),
      (.deadlineExceeded, .deadlineExceeded), (.rejected, .invalidArgument),
      (.deliveryFailed, .internal),
    ]
    for (code, status) in cases {
      #expect(KafkaEventPublisher.rpcError(KafkaProducerError(code: code, message: "x")).code == status)
    }
  }
}
