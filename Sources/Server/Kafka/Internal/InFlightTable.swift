/// The producer's calls waiting for delivery reports: a state machine without I/O. Each
/// call registers how many messages it enqueued and its deadline; delivery reports,
/// failures, deadlines and cancellation complete it exactly once. Reports for calls that
/// already completed (their deadline passed, an earlier message failed) are ignored.
///
/// Generic over the continuation so it can be tested without tasks.
struct InFlightTable<Continuation> {
  /// What the owner must do after an event: resume one continuation.
  enum Completion {
    /// Every message was acknowledged. `reports` holds one report per message in order for
    /// batch calls and is empty for single-message calls, whose report is `first`.
    case delivered(Continuation, first: KafkaDeliveryReport, reports: [KafkaDeliveryReport])
    /// The call failed.
    case failed(Continuation, any Error)
  }

  private struct Entry {
    var continuation: Continuation
    var deadline: ContinuousClock.Instant
    var remaining: Int
    var first: KafkaDeliveryReport
    var reports: [KafkaDeliveryReport]
  }

  private var entries: [UInt64: Entry] = [:]
  private var deadlines = DeadlineHeap()
  private var lastCallID: UInt64 = 0

  /// Calls waiting.
  var count: Int { entries.count }

  /// Whether `call` is still waiting.
  func contains(_ call: UInt64) -> Bool { entries[call] != nil }

  /// A fresh call identifier.
  mutating func makeCallID() -> UInt64 {
    lastCallID = MessageTag.callID(after: lastCallID)
    return lastCallID
  }

  /// Starts waiting for `count` (≥ 1) delivery reports for `call`.
  mutating func register(
    call: UInt64, count: Int, deadline: ContinuousClock.Instant, continuation: Continuation
  ) {
    let unknown = KafkaDeliveryReport(partition: -1, offset: -1)
    entries[call] = Entry(
      continuation: continuation, deadline: deadline, remaining: count, first: unknown,
      reports: count > 1 ? Array(repeating: unknown, count: count) : [])
    deadlines.push(DeadlineHeap.Item(deadline: deadline, call: call))
    compactIfNeeded()
  }

  /// Records one delivery report. A failed message fails its whole call at once.
  mutating func report(
    _ tag: MessageTag, _ result: Result<KafkaDeliveryReport, KafkaProducerError>
  ) -> Completion? {
    guard var entry = entries[tag.call] else { return nil }
    switch result {
    case .failure(let error):
      entries[tag.call] = nil
      return .failed(entry.continuation, error)
    case .success(let report):
      if tag.index == 0 { entry.first = report }
      if !entry.reports.isEmpty, tag.index < entry.reports.count {
        entry.reports[tag.index] = report
      }
      entry.remaining -= 1
      if entry.remaining > 0 {
        entries[tag.call] = entry
        return nil
      }
      entries[tag.call] = nil
      return .delivered(entry.continuation, first: entry.first, reports: entry.reports)
    }
  }

  /// Fails `call` (enqueueing failed, the task was cancelled); `nil` if it already completed.
  mutating func fail(call: UInt64, with error: any Error) -> Completion? {
    guard let entry = entries.removeValue(forKey: call) else { return nil }
    return .failed(entry.continuation, error)
  }

  /// Fails every call whose deadline is at or before `now` with `error`.
  mutating func expire(
    now: ContinuousClock.Instant, with error: KafkaProducerError
  ) -> [Completion] {
    var completions: [Completion] = []
    while let top = deadlines.first, top.deadline <= now {
      _ = deadlines.popFirst()
      if let entry = entries[top.call], entry.deadline == top.deadline {
        entries[top.call] = nil
        completions.append(.failed(entry.continuation, error))
      }
    }
    return completions
  }

  /// The earliest deadline among waiting calls (drops entries of finished calls on top).
  mutating func nextDeadline() -> ContinuousClock.Instant? {
    while let top = deadlines.first {
      if let entry = entries[top.call], entry.deadline == top.deadline { return top.deadline }
      _ = deadlines.popFirst()
    }
    return nil
  }

  /// Fails every waiting call with `error`.
  mutating func failAll(with error: any Error) -> [Completion] {
    let completions = entries.values.map { Completion.failed($0.continuation, error) }
    entries.removeAll()
    deadlines.rebuild([])
    return completions
  }

  /// Calls usually finish long before their deadline, leaving stale heap items behind;
  /// rebuild the heap from the live calls when stale items outnumber them.
  private mutating func compactIfNeeded() {
    guard deadlines.count > 2 * entries.count + 64 else { return }
    deadlines.rebuild(
      entries.map { DeadlineHeap.Item(deadline: $0.value.deadline, call: $0.key) })
  }
}
