import Foundation
import SluiceKafka
import SluiceTestSupport
import Testing

/// Messages per second and process CPU per message for ~200-byte events against tansu, by
/// how calls wait: one call at a time, many concurrent single-event calls, batch calls.
/// A measurement, not a check: skipped unless SLUICE_KAFKA_BENCHMARK=1, e.g.
///   SLUICE_KAFKA_BENCHMARK=1 LD_LIBRARY_PATH="$(bash scripts/kafka-runtime-lib.sh)" \
///     swift test --filter KafkaThroughputTests
/// Debug builds measure the Swift side unoptimized; librdkafka is always optimized.
@Suite(
  "Kafka producer throughput",
  .enabled(if: ProcessInfo.processInfo.environment["SLUICE_KAFKA_BENCHMARK"] == "1"))
struct KafkaThroughputTests {
  static let value = [UInt8](repeating: 0x61, count: 200)

  struct Scenario {
    var name: String
    var messages: Int
    var concurrentCalls: Int
    var batchSize: Int
    var properties: [String: String] = [:]
  }

  @Test("messages per second by call shape")
  func throughput() async throws {
    let scenarios = [
      Scenario(name: "1 call in flight, 1 event per call", messages: 2_000, concurrentCalls: 1, batchSize: 1),
      Scenario(
        name: "1 call in flight, 1 event per call, linger.ms=0", messages: 2_000, concurrentCalls: 1,
        batchSize: 1, properties: ["linger.ms": "0"]),
      Scenario(
        name: "1 call in flight, 1 event per call, linger.ms=5", messages: 2_000, concurrentCalls: 1,
        batchSize: 1, properties: ["linger.ms": "5"]),
      Scenario(name: "100 calls in flight, 1 event each", messages: 30_000, concurrentCalls: 100, batchSize: 1),
      Scenario(
        name: "100 calls in flight, 1 event each, linger.ms=5", messages: 30_000, concurrentCalls: 100,
        batchSize: 1, properties: ["linger.ms": "5"]),
      Scenario(
        name: "1,000 calls in flight, 1 event each, linger.ms=5", messages: 50_000, concurrentCalls: 1_000,
        batchSize: 1, properties: ["linger.ms": "5"]),
      Scenario(name: "1,000 calls in flight, 1 event each", messages: 50_000, concurrentCalls: 1_000, batchSize: 1),
      Scenario(name: "1 batch call of 100 events at a time", messages: 50_000, concurrentCalls: 1, batchSize: 100),
      Scenario(name: "1 batch call of 1,000 events at a time", messages: 100_000, concurrentCalls: 1, batchSize: 1_000),
    ]
    try await PrivateBroker.with { broker in
      print("librdkafka: \(KafkaProducer.libraryVersion)")
      for scenario in scenarios {
        let log = EventLog()
        let producer = try KafkaProducer(
          configuration: testConfiguration(
            bootstrap: broker.bootstrap, log: log,
            properties: scenario.properties.merging(["queue.buffering.max.messages": "200000"]) { $1 }))
        let topic = "bench-\(scenarios.firstIndex { $0.name == scenario.name }!)"
        // Warm up: topic creation, connections, producer id.
        _ = try await producer.produce(
          (0..<100).map { _ in KafkaMessage(topic: topic, key: nil, value: Self.value) }, deadline: .now + .seconds(30))

        let cpuBefore = Self.processCPUTime()
        let started = ContinuousClock.now
        try await Self.run(scenario, producer: producer, topic: topic)
        let elapsed = ContinuousClock.now - started
        let cpu = Self.processCPUTime() - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(scenario.messages) / seconds
        print(
          String(
            format: "%-48@ %8.0f msg/s  %6.1f µs CPU/msg  (%d msgs in %.2f s)",
            scenario.name as NSString, rate, cpu / Double(scenario.messages) * 1e6, scenario.messages, seconds))
        #expect(rate > 0)
        await producer.close()
      }
    }
  }

  static func run(_ scenario: Scenario, producer: KafkaProducer, topic: String) async throws {
    let calls = scenario.messages / scenario.batchSize
    let deadline = Duration.seconds(30)
    try await withThrowingTaskGroup(of: Void.self) { group in
      var started = 0
      func startCall(_ number: Int) {
        group.addTask {
          if scenario.batchSize == 1 {
            _ = try await producer.produce(
              topic: topic, key: Array("key-\(number % 64)".utf8), value: Self.value,
              deadline: .now + deadline)
          } else {
            let messages = (0..<scenario.batchSize).map { index in
              KafkaMessage(topic: topic, key: Array("key-\(index % 64)".utf8), value: Self.value)
            }
            _ = try await producer.produce(messages, deadline: .now + deadline)
          }
        }
      }
      while started < min(scenario.concurrentCalls, calls) {
        startCall(started)
        started += 1
      }
      while try await group.next() != nil {
        if started < calls {
          startCall(started)
          started += 1
        }
      }
    }
  }

  /// User plus system CPU seconds of this whole process (librdkafka's threads included).
  static func processCPUTime() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}
