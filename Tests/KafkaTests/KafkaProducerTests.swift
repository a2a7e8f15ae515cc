import Foundation
import SluiceKafka
import SluiceTestSupport
import Testing

/// The producer against a real Kafka-protocol broker (tansu), checked with an independent
/// consumer (confluent-kafka).
@Suite("KafkaProducer against tansu")
struct KafkaProducerTests {
  @Test("the loaded librdkafka reports its version and file")
  func libraryVersion() throws {
    let version = KafkaProducer.libraryVersion
    #expect(version.major == 2)
    #expect(version.text.hasPrefix("\(version.major).\(version.minor)."))
    let path = try #require(version.path)
    #expect(path.contains("librdkafka"), "\(path)")
  }

  @Test("single and batch calls deliver keys, values and headers; reports match the log")
  func produceAndConsume() async throws {
    try await PrivateBroker.with { broker in
      let log = EventLog()
      let producer = try KafkaProducer(configuration: testConfiguration(bootstrap: broker.bootstrap, log: log))
      #expect(producer.librdkafkaProperty("enable.idempotence") == "true")
      #expect(producer.librdkafkaProperty("acks") == "-1")  // librdkafka's spelling of "all"

      let topic = "sluice-produce-test"
      let deadline = ContinuousClock.now + .seconds(20)
      var sent: [KafkaMessage] = []
      var reports: [KafkaDeliveryReport] = []
      for number in 0..<3 {
        let message = KafkaMessage(
          topic: topic, key: Array("key-\(number)".utf8), value: Array("single \(number)".utf8),
          headers: [
            KafkaHeader(name: "stream", value: "orders"),
            KafkaHeader(name: "id", value: [0, 1, UInt8(number), 255]),
          ])
        reports.append(
          try await producer.produce(
            topic: topic, key: message.key, value: message.value, headers: message.headers,
            deadline: deadline))
        sent.append(message)
      }
      // Covers a null key, an empty value, no headers and a repeated header name.
      let batch = (0..<5).map { (number: Int) -> KafkaMessage in
        let key: [UInt8]? = number == 4 ? nil : Array("batch-\(number % 2)".utf8)
        let value: [UInt8] = number == 3 ? [] : Array("batch \(number)".utf8)
        let headers: [KafkaHeader] =
          number == 2 ? [] : [KafkaHeader(name: "n", value: "\(number)"), KafkaHeader(name: "n", value: "again")]
        return KafkaMessage(topic: topic, key: key, value: value, headers: headers)
      }
      reports += try await producer.produce(batch, deadline: deadline)
      sent += batch
      #expect(producer.health == .up)
      for report in reports {
        #expect((0..<4).contains(report.partition))
        #expect(report.offset >= 0)
      }

      let records = try await broker.consume(topic: topic, count: sent.count, timeout: .seconds(30))
      #expect(records.count == sent.count, "\(log.summary)")
      for (message, report) in zip(sent, reports) {
        let record = records.first { $0.partition == report.partition && $0.offset == report.offset }
        #expect(record?.keyBytes == message.key, "\(message)")
        #expect(record?.valueBytes == message.value, "\(message)")
        #expect(record?.headerPairs == message.headers, "\(message)")
      }
      // Equal keys land on one partition (the key is the partition key).
      let batchKeyPartitions = Set(zip(batch, reports.suffix(5)).filter { $0.0.key == Array("batch-0".utf8) }.map(\.1.partition))
      #expect(batchKeyPartitions.count == 1)
      await producer.close()
    }
  }

  @Test("a full local queue fails the call at once with queueFull")
  func queueFull() async throws {
    let log = EventLog()
    // Nothing listens on port 9: messages stay queued; a long probe keeps health "checking".
    var configuration = testConfiguration(
      bootstrap: "127.0.0.1:9", log: log, properties: ["queue.buffering.max.messages": "10"])
    configuration.probeTimeout = .seconds(30)
    let producer = try KafkaProducer(configuration: configuration)
    let deadline = ContinuousClock.now + .seconds(30)
    let started = ContinuousClock.now
    let messages = (0..<20).map { KafkaMessage(topic: "t", key: nil, value: [UInt8($0)]) }
    let error = try await #require(throws: KafkaProducerError.self) {
      try await producer.produce(messages, deadline: deadline)
    }
    #expect(error.code == .queueFull, "\(error)")
    #expect(error.kafkaErrorName == "_QUEUE_FULL")
    let single = try await #require(throws: KafkaProducerError.self) {
      try await producer.produce(topic: "t", key: nil, value: [1], deadline: deadline)
    }
    #expect(single.code == .queueFull)
    #expect(ContinuousClock.now - started < .seconds(60))  // generous: 2 shared cores
    await producer.close(timeout: .milliseconds(100))
  }

  @Test("calls fail by their deadline when no broker answers; closed producers refuse calls")
  func deadlineWithoutBroker() async throws {
    let log = EventLog()
    var configuration = testConfiguration(bootstrap: "127.0.0.1:9", log: log)
    configuration.probeTimeout = .seconds(30)
    let producer = try KafkaProducer(configuration: configuration)
    let started = ContinuousClock.now
    let error = try await #require(throws: KafkaProducerError.self) {
      try await producer.produce(
        topic: "t", key: nil, value: [1], deadline: .now + .milliseconds(500))
    }
    let elapsed = ContinuousClock.now - started
    #expect([.unavailable, .deadlineExceeded].contains(error.code), "\(error)")
    #expect(elapsed >= .milliseconds(450))
    #expect(elapsed < .seconds(60))  // generous: 2 shared cores
    await producer.close(timeout: .milliseconds(100))
    let closed = try await #require(throws: KafkaProducerError.self) {
      try await producer.produce(topic: "t", key: nil, value: [1], deadline: .now + .seconds(5))
    }
    #expect(closed.code == .closed)
  }

  @Test("cancelling the waiting task ends the call with CancellationError")
  func cancellation() async throws {
    let log = EventLog()
    var configuration = testConfiguration(bootstrap: "127.0.0.1:9", log: log)
    configuration.probeTimeout = .seconds(30)
    let producer = try KafkaProducer(configuration: configuration)
    let call = Task {
      try await producer.produce(topic: "t", key: nil, value: [1], deadline: .now + .seconds(30))
    }
    try await Task.sleep(for: .milliseconds(100))
    let started = ContinuousClock.now
    call.cancel()
    await #expect(throws: CancellationError.self) { try await call.value }
    #expect(ContinuousClock.now - started < .seconds(60))  // generous: 2 shared cores
    await producer.close(timeout: .milliseconds(100))
  }

  @Test("with no broker at all the health goes down and calls fail fast with unavailable")
  func brokerAbsent() async throws {
    let log = EventLog()
    let producer = try KafkaProducer(configuration: testConfiguration(bootstrap: "127.0.0.1:9", log: log))
    #expect(await eventually(timeout: .seconds(10)) { !producer.health.acceptsEvents }, "\(log.summary)")
    let started = ContinuousClock.now
    let error = try await #require(throws: KafkaProducerError.self) {
      try await producer.produce(topic: "t", key: nil, value: [1], deadline: .now + .seconds(20))
    }
    #expect(error.code == .unavailable)
    #expect(ContinuousClock.now - started < .seconds(60))  // generous: 2 shared cores
    await producer.close(timeout: .milliseconds(100))
  }
}
