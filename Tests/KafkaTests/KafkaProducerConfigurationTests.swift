import SluiceKafka
import Testing

@Suite("KafkaProducerConfiguration")
struct KafkaProducerConfigurationTests {
  func properties(_ extra: [String: String]) throws -> [String: String] {
    let list = try KafkaProducerConfiguration(bootstrapServers: " b1:9092,b2:9092 ", properties: extra)
      .librdkafkaProperties()
    return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0.value) })
  }

  @Test("Sluice's defaults and requirements are applied; user properties pass through")
  func defaults() throws {
    let resolved = try properties(["compression.type": "lz4", "linger.ms": "20"])
    #expect(resolved["bootstrap.servers"] == "b1:9092,b2:9092")
    #expect(resolved["enable.idempotence"] == "true")
    #expect(resolved["acks"] == "all")
    #expect(resolved["linger.ms"] == "20")
    #expect(resolved["compression.type"] == "lz4")
    #expect(resolved["message.timeout.ms"] == "30000")
    #expect(resolved["client.id"] == "sluice")
  }

  @Test("delivery.timeout.ms, librdkafka's alias, replaces the default message timeout")
  func timeoutAlias() throws {
    let resolved = try properties(["delivery.timeout.ms": "5000"])
    #expect(resolved["delivery.timeout.ms"] == "5000")
    #expect(resolved["message.timeout.ms"] == nil)
  }

  @Test("idempotence and acks=all cannot be weakened", arguments: [
    ["enable.idempotence": "false"], ["acks": "1"], ["request.required.acks": "0"],
  ])
  func weakening(extra: [String: String]) throws {
    let error = try #require(throws: KafkaProducerError.self) { try properties(extra) }
    #expect(error.code == .invalidConfiguration)
    #expect(error.message.contains(extra.keys.first!))
  }

  @Test("restating the required values is fine")
  func restating() throws {
    let resolved = try properties(["acks": "-1", "enable.idempotence": "TRUE"])
    #expect(resolved["acks"] == "all")
  }

  @Test("bootstrap servers are given once; transactions are refused; servers are required")
  func conflicts() throws {
    #expect(throws: KafkaProducerError.self) { try properties(["bootstrap.servers": "x:1"]) }
    #expect(throws: KafkaProducerError.self) { try properties(["transactional.id": "t"]) }
    #expect(throws: KafkaProducerError.self) {
      try KafkaProducerConfiguration(bootstrapServers: "  ").librdkafkaProperties()
    }
  }

  @Test("a property librdkafka does not know is a clear error naming it", arguments: [
    ("no.such.property", "1", "No such configuration property"),
    ("linger.ms", "banana", "Invalid value"),
    ("compression.type", "zip", "Invalid value"),
  ])
  func badProperty(name: String, value: String, librdkafkaSays: String) throws {
    let error = try #require(throws: KafkaProducerError.self) {
      _ = try KafkaProducer(
        configuration: KafkaProducerConfiguration(
          bootstrapServers: "127.0.0.1:9", properties: [name: value]))
    }
    #expect(error.code == .invalidConfiguration)
    #expect(error.message.contains("\"\(name)\""))
    #expect(error.message.contains(librdkafkaSays), "\(error)")
  }

  @Test("a combination rd_kafka_new refuses is a clear error")
  func badCombination() throws {
    let error = try #require(throws: KafkaProducerError.self) {
      _ = try KafkaProducer(
        configuration: KafkaProducerConfiguration(
          bootstrapServers: "127.0.0.1:9",
          properties: ["max.in.flight.requests.per.connection": "50"]))
    }
    #expect(error.code == .invalidConfiguration)
    #expect(error.message.contains("rd_kafka_new"), "\(error)")
    #expect(error.message.contains("max.in.flight"), "\(error)")
  }
}
