internal import CRdKafka
internal import Synchronization

/// The producer's shared state and logic, reached from the public `KafkaProducer`, the
/// poll and prober threads and librdkafka's callbacks. All mutable state sits behind one
/// mutex; continuations are resumed and handles destroyed after it is released.
final class ProducerCore: Sendable {
  /// A suspended call waiting for its delivery reports.
  enum Waiter {
    case single(UnsafeContinuation<KafkaDeliveryReport, any Error>)
    case batch(UnsafeContinuation<[KafkaDeliveryReport], any Error>)
  }

  struct State {
    var table = InFlightTable<Waiter>()
    var health: HealthMachine
    var current: ProducerHandle?
    var retired: [(handle: ProducerHandle, since: ContinuousClock.Instant)] = []
    var flushWaiters: [(deadline: ContinuousClock.Instant, continuation: UnsafeContinuation<Bool, Never>)] = []
    var closing = false
    var stopping = false
    /// The latest time the poll thread will wake by itself; an earlier deadline wakes it.
    var plannedWake: ContinuousClock.Instant
  }

  /// The longest single `rd_kafka_poll` wait when nothing else is due.
  static let idlePollWait = Duration.seconds(1)
  /// Poll cadence while retired handles drain or `flush` waits.
  static let busyPollWait = Duration.milliseconds(10)
  /// How long a retired handle may drain before it is destroyed regardless.
  static let retiredDrainLimit = Duration.seconds(5)

  let state: Mutex<State>
  let properties: [(name: String, value: String)]
  let configuration: KafkaProducerConfiguration
  let proberSignal = WakeupSignal()

  init(configuration: KafkaProducerConfiguration) throws(KafkaProducerError) {
    self.properties = try configuration.librdkafkaProperties()
    self.configuration = configuration
    let now = ContinuousClock.now
    self.state = Mutex(
      State(
        health: HealthMachine(
          now: now, probeInterval: configuration.probeInterval,
          stallTimeout: configuration.stallTimeout),
        plannedWake: now))
  }

  /// Creates the first librdkafka handle.
  func start() throws(KafkaProducerError) {
    let handle = try makeHandle()
    state.withLock { $0.current = handle }
  }

  func makeHandle() throws(KafkaProducerError) -> ProducerHandle {
    try ProducerHandle(
      core: self, properties: properties, forwardLogs: configuration.eventHandler != nil)
  }

  func emit(_ event: KafkaProducerEvent) {
    configuration.eventHandler?(event)
  }

  // MARK: Calls

  /// Registers `call`, then enqueues `messages` on the current handle. Completes the call at
  /// once when the producer is closing, the brokers are down, the deadline has passed or
  /// enqueueing fails; otherwise delivery reports or the deadline complete it later.
  func begin(
    call: UInt64, waiter: Waiter, messages: some Collection<KafkaMessage>,
    deadline: ContinuousClock.Instant
  ) {
    let now = ContinuousClock.now
    let start = state.withLock { state -> CallStart in
      if state.closing {
        return .refused(KafkaProducerError(code: .closed, message: "the Kafka producer is closed"))
      }
      if case .down(let reason) = state.health.health {
        return .refused(
          KafkaProducerError(code: .unavailable, message: "no Kafka broker is reachable: \(reason)"))
      }
      if deadline <= now {
        return .refused(
          KafkaProducerError(code: .deadlineExceeded, message: "the deadline passed before producing"))
      }
      guard let handle = state.current else {
        return .refused(KafkaProducerError(code: .closed, message: "the Kafka producer is closed"))
      }
      state.table.register(call: call, count: messages.count, deadline: deadline, continuation: waiter)
      let wake = deadline < state.plannedWake
      if wake { state.plannedWake = deadline }
      return .enqueue(handle, wakePoller: wake)
    }
    switch start {
    case .refused(let error):
      Self.resume(.failed(waiter, error))
    case .enqueue(let handle, let wakePoller):
      if Task.isCancelled {
        cancel(call: call)
        return
      }
      for (index, message) in messages.enumerated() {
        let result = handle.enqueue(
          topic: message.topic, key: message.key, value: message.value, headers: message.headers,
          tag: MessageTag(call: call, index: index))
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
          fail(call: call, with: KafkaProducerError(enqueueing: result, topic: message.topic))
          if result == RD_KAFKA_RESP_ERR__FATAL { noteFatalError(handle: handle) }
          break
        }
      }
      if wakePoller { handle.wakePoller() }
    }
  }

  private enum CallStart {
    case refused(KafkaProducerError)
    case enqueue(ProducerHandle, wakePoller: Bool)
  }

  func makeCallID() -> UInt64 {
    state.withLock { $0.table.makeCallID() }
  }

  func cancel(call: UInt64) {
    fail(call: call, with: CancellationError())
  }

  private func fail(call: UInt64, with error: any Error) {
    if let completion = state.withLock({ $0.table.fail(call: call, with: error) }) {
      Self.resume(completion)
    }
  }

  static func resume(_ completion: InFlightTable<Waiter>.Completion) {
    switch completion {
    case .delivered(.single(let continuation), let first, _):
      continuation.resume(returning: first)
    case .delivered(.batch(let continuation), _, let reports):
      continuation.resume(returning: reports)
    case .failed(.single(let continuation), let error):
      continuation.resume(throwing: error)
    case .failed(.batch(let continuation), let error):
      continuation.resume(throwing: error)
    }
  }

  // MARK: Callbacks (poll thread)

  /// One delivery report: `code` is `RD_KAFKA_RESP_ERR_NO_ERROR` when Kafka acknowledged.
  func delivered(_ tag: MessageTag, code: rd_kafka_resp_err_t, report: KafkaDeliveryReport) {
    let (completion, health) = state.withLock { state -> (InFlightTable<Waiter>.Completion?, KafkaHealth?) in
      guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
        let error = KafkaProducerError(delivering: code, closing: state.closing)
        return (state.table.report(tag, .failure(error)), nil)
      }
      let before = state.health.health
      state.health.delivered(now: .now)
      let after = state.health.health
      return (state.table.report(tag, .success(report)), before == after ? nil : after)
    }
    if let completion { Self.resume(completion) }
    if let health { emit(.healthChanged(health)) }
  }

  func clientError(handle: OpaquePointer, code: rd_kafka_resp_err_t, reason: String) {
    emit(.log(level: 3, facility: "ERROR", message: "\(String(cString: rd_kafka_err2name(code))): \(reason)"))
    switch code {
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
      let (probe, health) = state.withLock { state -> (Bool, KafkaHealth?) in
        guard state.current?.pointer == handle else { return (false, nil) }
        let probe = state.health.brokersDown(reason: reason, now: .now)
        return (probe, probe ? state.health.health : nil)
      }
      if let health { emit(.healthChanged(health)) }
      if probe { proberSignal.raise() }
    case RD_KAFKA_RESP_ERR__FATAL:
      let current = state.withLock { $0.current }
      if let current, current.pointer == handle { noteFatalError(handle: current) }
    default:
      break
    }
  }

  private func noteFatalError(handle: ProducerHandle) {
    let reason = handle.fatalError() ?? "unknown"
    state.withLock { state in
      if state.current === handle { state.health.fatalError(reason: reason) }
    }
    proberSignal.raise()
  }
}
