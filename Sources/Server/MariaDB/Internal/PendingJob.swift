/// A submitted job and the caller waiting for its outcome. Every mutable field is guarded
/// by the owning pool's lock.
final class PendingJob<Job: Sendable, Outcome: Sendable>: @unchecked Sendable {
  typealias Continuation = CheckedContinuation<Result<Outcome, MariaDBPoolError>, Never>

  /// The job; released once the caller has its answer, since a finished entry can linger
  /// in the deadline heap until its deadline.
  var job: Job?
  let weight: Int
  let deadline: ContinuousClock.Instant
  var continuation: Continuation?
  /// Whether the caller has its answer (or stopped waiting): a finished entry is skipped.
  var isFinished = false
  /// Whether the entry counts in the queue's depth and weight (queued, not taken).
  var isQueued = false

  init(job: Job, weight: Int, deadline: ContinuousClock.Instant) {
    self.job = job
    self.weight = weight
    self.deadline = deadline
  }

  /// Marks the entry finished and returns the resumption to run once the lock is released.
  func finish(_ result: Result<Outcome, MariaDBPoolError>) -> Resumption? {
    guard !isFinished else { return nil }
    isFinished = true
    job = nil
    defer { continuation = nil }
    return continuation.map { Resumption(continuation: $0, result: result) }
  }

  /// A continuation and the result to resume it with.
  struct Resumption {
    let continuation: Continuation
    let result: Result<Outcome, MariaDBPoolError>

    func resume() { continuation.resume(returning: result) }
  }
}
