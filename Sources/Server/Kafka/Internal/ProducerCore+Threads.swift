internal import CRdKafka
internal import Synchronization

extension ProducerCore {
  // MARK: Poll thread

  /// The poll thread: serves delivery reports and errors with `rd_kafka_poll`, sleeping in
  /// it until the next event, the earliest call deadline, or `idlePollWait`; then fails
  /// expired calls, answers `flush` waiters and destroys drained retired handles.
  func runPollLoop() {
    while let plan = nextPoll() {
      plan.current?.poll(timeout: plan.wait)
      for handle in plan.retired {
        handle.purge()
        handle.poll(timeout: .zero)
      }
      finishPoll()
    }
  }

  private struct PollPlan {
    var current: ProducerHandle?
    var retired: [ProducerHandle]
    var wait: Duration
  }

  private func nextPoll() -> PollPlan? {
    state.withLock { state in
      if state.stopping { return nil }
      let now = ContinuousClock.now
      var wake = now + Self.idlePollWait
      if let deadline = state.table.nextDeadline(), deadline < wake { wake = deadline }
      if !state.retired.isEmpty || !state.flushWaiters.isEmpty {
        wake = min(wake, now + Self.busyPollWait)
      }
      state.plannedWake = wake
      return PollPlan(
        current: state.current, retired: state.retired.map(\.handle),
        wait: max(.zero, wake - now))
    }
  }

  private func finishPoll() {
    let now = ContinuousClock.now
    var dropped: [ProducerHandle] = []
    let (completions, flushed) = state.withLock { state in
      let completions = state.table.expire(now: now, with: Self.deadlineError(state.health.health))
      state.retired.removeAll { entry in
        guard entry.handle.outstanding == 0 || now - entry.since >= Self.retiredDrainLimit else {
          return false
        }
        dropped.append(entry.handle)
        return true
      }
      var flushed: [(UnsafeContinuation<Bool, Never>, Bool)] = []
      if !state.flushWaiters.isEmpty {
        let idle = Self.isIdle(state)
        state.flushWaiters.removeAll { waiter in
          guard idle || waiter.deadline <= now else { return false }
          flushed.append((waiter.continuation, idle))
          return true
        }
      }
      return (completions, flushed)
    }
    completions.forEach(Self.resume)
    for (continuation, idle) in flushed { continuation.resume(returning: idle) }
    // Destroying a handle waits for librdkafka's threads: done here, outside the lock.
    dropped.removeAll()
  }

  static func isIdle(_ state: State) -> Bool {
    (state.current?.outstanding ?? 0) == 0 && state.retired.allSatisfy { $0.handle.outstanding == 0 }
  }

  /// The error for a call whose deadline passed: `.unavailable` when the brokers are (being
  /// checked as) down, `.deadlineExceeded` otherwise.
  static func deadlineError(_ health: KafkaHealth) -> KafkaProducerError {
    switch health {
    case .down(let reason), .checking(let reason):
      KafkaProducerError(
        code: .unavailable,
        message: "no Kafka broker reachable (\(reason)); the events were not acknowledged before the deadline")
    case .up, .connecting:
      KafkaProducerError(
        code: .deadlineExceeded, message: "Kafka did not acknowledge the events before the deadline")
    }
  }

  // MARK: Prober thread

  /// The prober thread: sleeps until the health machine wants something (a probe, a handle
  /// replacement) or `probeInterval` passes, then ticks the machine and acts.
  func runProber() {
    while true {
      let wake: ContinuousClock.Instant? = state.withLock { state in
        state.stopping ? nil : state.health.nextWake(now: .now)
      }
      guard let wake else { return }
      proberSignal.wait(timeout: wake - .now)
      let step = state.withLock { state -> (HealthMachine.Action, ProducerHandle)? in
        guard !state.stopping, let current = state.current,
          let action = state.health.tick(now: .now, outstanding: current.outstanding)
        else { return nil }
        return (action, current)
      }
      switch step {
      case nil:
        continue
      case (.probe, let handle)?:
        probe(handle)
      case (.replaceHandle(let reason), _)?:
        replaceHandle(reason: reason)
      }
    }
  }

  private func probe(_ handle: ProducerHandle) {
    let failure = handle.probe(timeout: configuration.probeTimeout)
    let (action, health) = state.withLock { state -> (HealthMachine.Action?, KafkaHealth?) in
      guard !state.stopping else { return (nil, nil) }
      let before = state.health.health
      let action = state.health.probeFinished(
        reachable: failure == nil, reason: failure ?? "", now: .now)
      return (action, state.health.health == before ? nil : state.health.health)
    }
    if let health { emit(.healthChanged(health)) }
    if case .replaceHandle(let reason) = action { replaceHandle(reason: reason) }
  }

  /// Starts a fresh librdkafka handle for new calls and retires the current one: its
  /// messages are purged (their calls fail with `.unavailable`) and the poll thread
  /// destroys it once drained.
  private func replaceHandle(reason: String) {
    let fresh: ProducerHandle
    do {
      fresh = try makeHandle()
    } catch {
      emit(.log(level: 3, facility: "SLUICE", message: "cannot replace the librdkafka handle: \(error)"))
      return
    }
    let old = state.withLock { state -> ProducerHandle? in
      guard !state.stopping else { return nil }
      let old = state.current
      state.current = fresh
      if let old { state.retired.append((handle: old, since: .now)) }
      state.health.handleReplaced(now: .now)
      return old
    }
    guard let old else { return }
    old.purge()
    old.wakePoller()
    emit(.handleReplaced(reason: reason))
  }

  // MARK: Shutdown

  /// Purges every handle's messages: their calls fail with `.closed` (the producer is closing).
  func purgeAll() {
    let handles = state.withLock { state in
      (state.current.map { [$0] } ?? []) + state.retired.map(\.handle)
    }
    for handle in handles {
      handle.purge()
      handle.wakePoller()
    }
  }

  /// Asks both threads to return.
  func requestStop() {
    let current = state.withLock { state in
      state.stopping = true
      return state.current
    }
    proberSignal.raise()
    current?.wakePoller()
  }

  /// After the threads returned: fails what still waits with `.closed` and destroys the
  /// handles (messages still inside them are dropped without reports).
  func finish() {
    let closed = KafkaProducerError(code: .closed, message: "the Kafka producer closed")
    var handles: [ProducerHandle] = []
    let (completions, flushWaiters) = state.withLock { state in
      state.closing = true
      handles = (state.current.map { [$0] } ?? []) + state.retired.map(\.handle)
      state.current = nil
      state.retired.removeAll()
      let waiters = state.flushWaiters.map(\.continuation)
      state.flushWaiters.removeAll()
      return (state.table.failAll(with: closed), waiters)
    }
    completions.forEach(Self.resume)
    for waiter in flushWaiters { waiter.resume(returning: false) }
    handles.removeAll()
  }
}
