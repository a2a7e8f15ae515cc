import SluiceKafka
import SluiceTestSupport
import Testing

/// The producer while the broker dies, hangs and comes back: calls fail with typed errors by
/// their deadlines, nothing unacknowledged is reported acknowledged, and ingestion resumes
/// by itself.
@Suite("KafkaProducer faults")
struct KafkaFaultTests {
  static let callDeadline = Duration.seconds(1)
  /// Scheduling noise allowed on top of a deadline (2 shared cores, parallel tests).
  static let slack = Duration.seconds(30)  // generous: 2 shared cores

  /// Every failure must be a producer error the server can map, raised by the deadline.
  func checkFailures(_ outcomes: [IngestLoop.Outcome], allowed: Set<KafkaProducerError.Code>) {
    for outcome in outcomes {
      guard let error = outcome.error else { continue }
      let code = (error as? KafkaProducerError)?.code
      #expect(code.map(allowed.contains) == true, "\(outcome.value): \(error)")
      #expect(outcome.finished - outcome.started <= Self.callDeadline + Self.slack, "\(outcome.value)")
    }
  }

  @Test("broker killed mid-ingest, then restarted: typed failures by the deadline, then recovery")
  func killAndRestart() async throws {
    try await PrivateBroker.with { broker in
      let log = EventLog()
      let producer = try KafkaProducer(configuration: testConfiguration(bootstrap: broker.bootstrap, log: log))
      let topic = "sluice-fault-kill"

      // tansu forgets everything when killed: check now that what was acknowledged is stored.
      let before = IngestLoop(producer: producer, topic: topic, prefix: "before", deadline: Self.callDeadline)
      #expect(await before.waitForAcknowledgements(40, timeout: .seconds(20)), "\(log.summary)")
      await before.stop()
      let acknowledgedBefore = Set(before.acknowledged.map(\.value))
      let stored = try await broker.consume(
        topic: topic, count: acknowledgedBefore.count, idle: .milliseconds(500), timeout: .seconds(20))
      let storedValues = Set(stored.map { String(decoding: $0.valueBytes, as: UTF8.self) })
      #expect(acknowledgedBefore.isSubset(of: storedValues))

      let ingest = IngestLoop(producer: producer, topic: topic, prefix: "during", deadline: Self.callDeadline)
      #expect(await ingest.waitForAcknowledgements(40, timeout: .seconds(20)), "\(log.summary)")
      try await broker.kill()
      let killed = ContinuousClock.now
      #expect(
        await eventually(timeout: .seconds(5)) { !producer.health.acceptsEvents }, "\(log.summary)")
      let down = ContinuousClock.now
      // Long enough for the calls in flight at the kill to reach their deadlines.
      try await Task.sleep(for: Self.callDeadline + .milliseconds(500))
      await ingest.stop()

      let outcomes = ingest.all
      checkFailures(outcomes, allowed: [.unavailable, .deadlineExceeded])
      let afterKill = outcomes.filter { $0.started > killed }
      #expect(!afterKill.isEmpty)
      for outcome in afterKill {
        #expect(outcome.error != nil, "\(outcome.value) acknowledged with the broker dead")
      }
      let afterDown = outcomes.filter { $0.started > down }
      #expect(!afterDown.isEmpty)
      for outcome in afterDown {
        #expect((outcome.error as? KafkaProducerError)?.code == .unavailable)
      }
      // While down, a call fails at once rather than at its (long) deadline.
      let started = ContinuousClock.now
      let fast = try await #require(throws: KafkaProducerError.self) {
        try await producer.produce(topic: topic, key: nil, value: [1], deadline: .now + .seconds(30))
      }
      #expect(fast.code == .unavailable)
      #expect(ContinuousClock.now - started < Self.slack)

      try await broker.restart()
      let resumed = IngestLoop(producer: producer, topic: topic, prefix: "after", deadline: Self.callDeadline)
      #expect(await resumed.waitForAcknowledgements(40, timeout: .seconds(20)), "\(log.summary)")
      await resumed.stop()
      let acknowledgedAfter = Set(resumed.acknowledged.map(\.value))
      let storedAfter = try await broker.consume(
        topic: topic, count: acknowledgedAfter.count, idle: .milliseconds(500), timeout: .seconds(20))
      let storedAfterValues = Set(storedAfter.map { String(decoding: $0.valueBytes, as: UTF8.self) })
      #expect(acknowledgedAfter.isSubset(of: storedAfterValues))
      #expect(producer.health == .up)
      #expect(log.all.contains { if case .handleReplaced = $0 { true } else { false } })
      await producer.close()
    }
  }

  @Test("broker paused mid-ingest: calls fail by the deadline, every acknowledged event is stored")
  func pauseAndResume() async throws {
    try await PrivateBroker.with { broker in
      let log = EventLog()
      let producer = try KafkaProducer(configuration: testConfiguration(bootstrap: broker.bootstrap, log: log))
      let topic = "sluice-fault-pause"

      let ingest = IngestLoop(producer: producer, topic: topic, prefix: "event", deadline: Self.callDeadline)
      #expect(await ingest.waitForAcknowledgements(40, timeout: .seconds(20)), "\(log.summary)")
      // Timestamps that surely lie inside the pause (a loaded machine may delay the test's
      // own task by seconds): after SIGSTOP was sent, before SIGCONT will be.
      try await broker.pause()
      let paused = ContinuousClock.now
      try await Task.sleep(for: .seconds(3))
      let resuming = ContinuousClock.now
      try await broker.resume()
      let resumed = ContinuousClock.now
      #expect(
        await ingest.waitForAcknowledgements(40, since: resumed, timeout: .seconds(20)), "\(log.summary)")
      await ingest.stop()

      let outcomes = ingest.all
      checkFailures(outcomes, allowed: [.unavailable, .deadlineExceeded])
      // Calls made during the pause could not be acknowledged in time.
      let duringPause = outcomes.filter {
        $0.started > paused && $0.started + Self.callDeadline < resuming
      }
      #expect(!duringPause.isEmpty)
      for outcome in duringPause {
        #expect(
          outcome.error != nil,
          """
          \(outcome.value) acknowledged while the broker was paused: started \(outcome.started - paused) \
          after the pause, took \(outcome.finished - outcome.started), pause lasted at least \(resuming - paused)
          """)
      }
      // The broker kept its data: every acknowledged event, before and after, is stored.
      let acknowledged = Set(ingest.acknowledged.map(\.value))
      let stored = try await broker.consume(
        topic: topic, count: acknowledged.count, idle: .milliseconds(500), timeout: .seconds(20))
      let storedValues = Set(stored.map { String(decoding: $0.valueBytes, as: UTF8.self) })
      let missing = acknowledged.subtracting(storedValues)
      #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted().prefix(10))")
      await producer.close()
    }
  }

  @Test("broker back before the producer saw it gone: the stuck handle is replaced, ingestion resumes")
  func quickRestart() async throws {
    try await PrivateBroker.with { broker in
      let log = EventLog()
      var configuration = testConfiguration(
        bootstrap: broker.bootstrap, log: log, stallTimeout: .seconds(2))
      // A patient probe sees the restarted broker, so the health never goes down; the old
      // handle's producer id is unknown to the new, empty broker and nothing gets through.
      configuration.probeTimeout = .seconds(10)
      let producer = try KafkaProducer(configuration: configuration)
      let topic = "sluice-fault-quick"
      _ = try await producer.produce(topic: topic, key: nil, value: [1], deadline: .now + .seconds(10))
      try await broker.restart()

      let resumed = IngestLoop(producer: producer, topic: topic, prefix: "after", deadline: Self.callDeadline)
      #expect(await resumed.waitForAcknowledgements(20, timeout: .seconds(20)), "\(log.summary)")
      await resumed.stop()
      checkFailures(resumed.all, allowed: [.unavailable, .deadlineExceeded])
      let replacements = log.all.compactMap { event -> String? in
        if case .handleReplaced(let reason) = event { reason } else { nil }
      }
      #expect(replacements.contains { $0.contains("no acknowledgement") }, "\(log.summary)")
      let acknowledged = Set(resumed.acknowledged.map(\.value))
      let stored = try await broker.consume(
        topic: topic, count: acknowledged.count, idle: .milliseconds(500), timeout: .seconds(20))
      #expect(acknowledged.isSubset(of: Set(stored.map { String(decoding: $0.valueBytes, as: UTF8.self) })))
      await producer.close()
    }
  }
}
