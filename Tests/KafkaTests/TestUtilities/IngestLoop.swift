import SluiceKafka
import SluiceTestSupport
import Synchronization

/// Produces events continuously, `concurrency` calls at a time, recording each call's
/// outcome, until stopped: the load for fault tests.
final class IngestLoop: Sendable {
  /// One call: its event's value, when it started and ended, and its error (nil = acknowledged).
  struct Outcome: Sendable {
    var value: String
    var started: ContinuousClock.Instant
    var finished: ContinuousClock.Instant
    var error: (any Error)?
  }

  private let outcomes = Mutex<[Outcome]>([])
  private let stopping = Atomic<Bool>(false)
  private let task = Mutex<Task<Void, Never>?>(nil)

  /// Starts producing `prefix-N` values to `topic` with `deadline` per call.
  init(producer: KafkaProducer, topic: String, prefix: String, deadline: Duration, concurrency: Int = 8) {
    let started = Task { [self] in
      await run(
        producer: producer, topic: topic, prefix: prefix, deadline: deadline,
        concurrency: concurrency)
    }
    task.withLock { $0 = started }
  }

  private func run(
    producer: KafkaProducer, topic: String, prefix: String, deadline: Duration, concurrency: Int
  ) async {
    var number = 0
    while !stopping.load(ordering: .relaxed) {
      await withTaskGroup(of: Outcome.self) { group in
        for index in 0..<concurrency {
          let value = "\(prefix)-\(number + index)"
          group.addTask {
            let start = ContinuousClock.now
            do {
              _ = try await producer.produce(
                topic: topic, key: Array(value.utf8), value: Array(value.utf8),
                headers: [KafkaHeader(name: "id", value: value)], deadline: start + deadline)
              return Outcome(value: value, started: start, finished: .now, error: nil)
            } catch {
              return Outcome(value: value, started: start, finished: .now, error: error)
            }
          }
        }
        for await outcome in group {
          outcomes.withLock { $0.append(outcome) }
        }
      }
      number += concurrency
      // Keep the loop from spinning when calls fail fast.
      try? await Task.sleep(for: .milliseconds(5))
    }
  }

  var all: [Outcome] { outcomes.withLock { $0 } }
  var acknowledged: [Outcome] { all.filter { $0.error == nil } }

  /// Waits until at least `count` calls were acknowledged since `since`, for at most `timeout`.
  func waitForAcknowledgements(
    _ count: Int, since: ContinuousClock.Instant = .now, timeout: Duration
  ) async -> Bool {
    await eventually(timeout: timeout) { acknowledged.filter { $0.started >= since }.count >= count }
  }

  /// Stops after the calls in progress finish.
  func stop() async {
    stopping.store(true, ordering: .relaxed)
    let running = task.withLock { $0 }
    await running?.value
  }
}
