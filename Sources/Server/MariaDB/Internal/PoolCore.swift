/// The shared state of a worker pool: the bounded queue, the deadlines, the worker counts
/// and the size controller, all guarded by one lock. Methods take the lock themselves and
/// return the continuations to resume, which the caller resumes after the lock is released.
final class PoolCore<Job: Sendable, Outcome: Sendable>: @unchecked Sendable {
  typealias Entry = PendingJob<Job, Outcome>
  typealias Resumption = Entry.Resumption

  enum Phase {
    case created
    case running
    /// Shutting down: no new jobs; queued jobs run until `until`, then fail.
    case draining(until: ContinuousClock.Instant)
    /// Shut down: queued jobs failed; threads exit.
    case stopped
  }

  /// A worker's next step.
  enum Assignment {
    /// Entries to run and their jobs, read under the lock.
    case batch([Entry], [Job])
    case exit
  }

  let settings: WriterPoolConfiguration
  let lock = ThreadLock()
  /// Signalled when jobs arrive or workers should exit.
  let work = ThreadCondition()
  /// Signalled when sleeping threads (backoff, maintenance) should look again.
  let wake = ThreadCondition()

  // Guarded by `lock`.
  private var queue = JobQueue<Entry>()
  private(set) var queuedCount = 0
  private var queuedWeight = 0
  private var deadlines = DeadlineHeap<Entry>()
  private(set) var phase = Phase.created
  /// Worker threads started and not yet exited.
  private(set) var workers = 0
  private(set) var busyWorkers = 0
  private(set) var connectedWorkers = 0
  private var retireRequests = 0
  /// Whether new jobs are accepted: false after a connection attempt failed while no
  /// worker was connected, until one connects.
  private(set) var available = true
  private(set) var lastError: MariaDBError?
  /// The endpoint the last successful connection reached, tried first next time.
  private(set) var preferredEndpoint = 0
  private var threads = 0
  private var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
  var controller: PoolSizeController

  init(settings: WriterPoolConfiguration) {
    self.settings = settings
    controller = PoolSizeController(settings.sizing)
  }

  // MARK: Callers

  /// Queues `entry` unless the pool refuses it; returns the refusal.
  func enqueue(_ entry: Entry, continuation: Entry.Continuation) -> MariaDBPoolError? {
    lock.withLock { () -> MariaDBPoolError? in
      guard !entry.isFinished else { return MariaDBPoolError(.cancelled) }
      guard case .running = phase else { return MariaDBPoolError(.shutDown) }
      guard available else { return MariaDBPoolError(.unavailable, underlying: lastError) }
      guard ContinuousClock.now < entry.deadline else { return MariaDBPoolError(.deadlineExceeded) }
      let overWeight = settings.maximumQueuedWeight.map { queuedCount > 0 && queuedWeight + entry.weight > $0 } ?? false
      guard queuedCount < settings.maximumQueuedJobs, !overWeight else { return MariaDBPoolError(.queueFull) }
      entry.continuation = continuation
      entry.isQueued = true
      queue.append(entry)
      queuedCount += 1
      queuedWeight += entry.weight
      deadlines.push(entry, deadline: entry.deadline)
      work.signal()
      return nil
    }
  }

  /// The caller stopped waiting: answer it now with `.cancelled`.
  func cancel(_ entry: Entry) -> Resumption? {
    lock.withLock { finish(entry, .failure(MariaDBPoolError(.cancelled))) }
  }

  // MARK: Workers

  /// Blocks until there is a batch for a connected worker, or it should exit.
  func nextAssignment() -> Assignment {
    lock.withLock {
      while true {
        if retireRequests > 0 {
          retireRequests -= 1
          return .exit
        }
        if queuedCount > 0 {
          let (entries, jobs) = takeBatch()
          if !entries.isEmpty { return .batch(entries, jobs) }
        }
        if case .running = phase {} else { return .exit }
        work.wait(lock)
      }
    }
  }

  /// Whether a disconnected worker should exit rather than reconnect.
  func shouldExitWhileDisconnected() -> Bool {
    lock.withLock {
      if retireRequests > 0 {
        retireRequests -= 1
        return true
      }
      switch phase {
      case .running: return false
      case .draining: return queuedCount == 0
      case .created, .stopped: return true
      }
    }
  }

  /// Sleeps up to `duration`, waking early when the pool has stopped.
  func sleep(_ duration: Duration) {
    let until = ContinuousClock.now + duration
    lock.withLock {
      while true {
        if case .stopped = phase { return }
        let left = ContinuousClock.now.duration(to: until)
        guard left > .zero else { return }
        wake.wait(lock, timeout: left)
      }
    }
  }

  func connected(endpointIndex: Int) {
    lock.withLock {
      connectedWorkers += 1
      available = true
      preferredEndpoint = endpointIndex
    }
  }

  /// A connection attempt failed on every endpoint. With no worker connected, the database
  /// counts as unavailable: queued jobs fail now and new ones are refused until a worker
  /// connects.
  func connectFailed(_ error: MariaDBError) -> [Resumption] {
    lock.withLock {
      lastError = error
      guard connectedWorkers == 0 else { return [] }
      available = false
      return failQueued(MariaDBPoolError(.unavailable, underlying: error))
    }
  }

  /// Jobs committed: answer their callers with their outcomes.
  func completed(_ entries: ArraySlice<Entry>, outcomes: [Outcome], latency: Duration) -> [Resumption] {
    lock.withLock {
      controller.recordCommit(latency: latency)
      return zip(entries, outcomes).compactMap { finish($0, .success($1)) }
    }
  }

  /// Jobs failed for `error`.
  func failed(_ entries: ArraySlice<Entry>, _ error: MariaDBPoolError) -> [Resumption] {
    lock.withLock { entries.compactMap { finish($0, .failure(error)) } }
  }

  /// A worker finished with the batch it took (committed, failed or re-queued).
  func batchEnded() {
    lock.withLock { busyWorkers -= 1 }
  }

  /// The worker lost its connection mid-batch: put the batch's unanswered jobs back at the
  /// front of the queue, for whichever worker reconnects first.
  func requeue(_ batch: ArraySlice<Entry>, after error: MariaDBError) {
    lock.withLock {
      connectedWorkers -= 1
      lastError = error
      let waiting = batch.filter { !$0.isFinished }
      for entry in waiting {
        entry.isQueued = true
        queuedCount += 1
        queuedWeight += entry.weight
      }
      queue.prepend(waiting)
      if !waiting.isEmpty { work.broadcast() }
    }
  }

  /// A worker thread ends.
  func workerExited(wasConnected: Bool) -> [CheckedContinuation<Void, Never>] {
    lock.withLock {
      workers -= 1
      if wasConnected { connectedWorkers -= 1 }
      return threadExited()
    }
  }

  // MARK: Lifecycle

  /// Marks the pool running and reserves `workers` worker threads plus the maintenance
  /// thread; false when it was started before.
  func start(workers count: Int) -> Bool {
    lock.withLock {
      guard case .created = phase else { return false }
      phase = .running
      workers = count
      threads = count + 1
      return true
    }
  }

  /// Begins shutting down: no new jobs; queued ones get until `until`.
  func beginShutdown(until: ContinuousClock.Instant) {
    lock.withLock {
      switch phase {
      case .created:
        phase = .stopped
      case .running:
        phase = .draining(until: until)
      case .draining, .stopped:
        break
      }
      work.broadcast()
      wake.broadcast()
    }
  }

  /// Registers a waiter for the end of every thread; false when they already ended.
  func awaitThreads(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
    lock.withLock {
      if case .stopped = phase, threads == 0 { return false }
      if case .created = phase { return false }
      shutdownWaiters.append(continuation)
      return true
    }
  }

  // MARK: Maintenance

  /// One maintenance pass: expire deadlines, end the drain period, ask the controller.
  /// Returns what to do outside the lock.
  func maintain(now: ContinuousClock.Instant) -> MaintenanceStep {
    lock.withLock {
      var step = MaintenanceStep()
      while let entry = deadlines.popExpired(at: now) {
        let error =
          available && connectedWorkers > 0
          ? MariaDBPoolError(.deadlineExceeded) : MariaDBPoolError(.unavailable, underlying: lastError)
        if let resumption = finish(entry, .failure(error)) {
          step.resumptions.append(resumption)
          step.expired += 1
          step.expiryError = error
        }
      }
      if queue.physicalCount > 2 * queuedCount + 64 {
        queue.filter { !$0.isFinished }
      }
      switch phase {
      case .running:
        let sample = PoolSizeController.Sample(
          now: now, poolSize: workers - retireRequests, busyWorkers: busyWorkers, queueDepth: queuedCount,
          available: available)
        step.sample = sample
        step.averageLatency = controller.averageCommitLatency
        let size = workers - retireRequests
        switch controller.decide(sample) {
        case .hold: break
        case .grow:
          workers += 1
          threads += 1
          step.startWorker = true
          step.resized = (size, size + 1)
        case .shrink:
          retireRequests += 1
          work.broadcast()
          wake.broadcast()
          step.resized = (size, size - 1)
        }
      case .draining(let until) where now >= until || queuedCount == 0:
        phase = .stopped
        step.resumptions += failQueued(MariaDBPoolError(.shutDown))
        work.broadcast()
        wake.broadcast()
      case .created, .draining, .stopped:
        break
      }
      if case .stopped = phase, workers == 0 {
        step.exit = true
        step.shutdownWaiters = threadExited()
      }
      let nextDeadline = deadlines.earliest.map { now.duration(to: $0) } ?? settings.maintenanceInterval
      step.sleep = max(.milliseconds(1), min(settings.maintenanceInterval, nextDeadline))
      return step
    }
  }

  /// Sleeps the maintenance thread for `duration` or until woken.
  func maintenanceSleep(_ duration: Duration) {
    lock.withLock {
      if case .stopped = phase, workers == 0 { return }
      wake.wait(lock, timeout: duration)
    }
  }

  /// What a maintenance pass asks its thread to do once the lock is released.
  struct MaintenanceStep {
    var resumptions: [Resumption] = []
    var expired = 0
    var expiryError: MariaDBPoolError?
    var sample: PoolSizeController.Sample?
    var averageLatency: Duration?
    var startWorker = false
    var resized: (from: Int, to: Int)?
    var exit = false
    var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    var sleep: Duration = .milliseconds(100)
  }

  /// Queue depth, workers and availability, read together.
  var snapshot: (queued: Int, workers: Int, busy: Int, connected: Int, available: Bool) {
    lock.withLock { (queuedCount, workers - retireRequests, busyWorkers, connectedWorkers, available) }
  }

  // MARK: Private (lock held)

  private func takeBatch() -> ([Entry], [Job]) {
    var batch: [Entry] = []
    var jobs: [Job] = []
    var weight = 0
    while batch.count < settings.maximumBatchJobs, let entry = queue.popFirst() {
      guard !entry.isFinished, let job = entry.job else { continue }
      if !batch.isEmpty && weight + entry.weight > settings.maximumBatchWeight {
        queue.prepend([entry])
        break
      }
      entry.isQueued = false
      queuedCount -= 1
      queuedWeight -= entry.weight
      weight += entry.weight
      batch.append(entry)
      jobs.append(job)
    }
    if !batch.isEmpty { busyWorkers += 1 }
    return (batch, jobs)
  }

  private func finish(_ entry: Entry, _ result: Result<Outcome, MariaDBPoolError>) -> Resumption? {
    if entry.isQueued && !entry.isFinished {
      entry.isQueued = false
      queuedCount -= 1
      queuedWeight -= entry.weight
    }
    return entry.finish(result)
  }

  private func failQueued(_ error: MariaDBPoolError) -> [Resumption] {
    queue.removeAll().compactMap { finish($0, .failure(error)) }
  }

  private func threadExited() -> [CheckedContinuation<Void, Never>] {
    threads -= 1
    guard threads == 0 else { return [] }
    defer { shutdownWaiters.removeAll() }
    return shutdownWaiters
  }
}
