internal import Synchronization

/// Sluice's Kafka producer: one librdkafka producer per process, shared by every call.
///
/// A call enqueues its events in librdkafka and suspends until Kafka acknowledges every one
/// of them (`acks=all`, idempotent producer): the delivery reports, served by a dedicated
/// poll thread, resume it. A call fails without waiting when librdkafka's queue is full
/// (`.queueFull`) or no broker is reachable (`.unavailable`, see `health`), and fails at
/// its deadline otherwise. A failed call's events may still reach Kafka later (see
/// `KafkaProducerConfiguration` on deadlines); a successful call's events are in Kafka.
///
/// ```swift
/// let producer = try KafkaProducer(configuration: .init(bootstrapServers: "127.0.0.1:9092"))
/// let report = try await producer.produce(
///   topic: "events", key: Array("order-17".utf8), value: payload,
///   headers: [KafkaHeader(name: "stream", value: "orders")],
///   deadline: .now + .seconds(5))
/// await producer.close()
/// ```
public final class KafkaProducer: Sendable {
  private let core: ProducerCore
  private let pollThread: NativeThread
  private let pollThreadExit: ThreadExits
  private let closeStarted = Atomic<Bool>(false)

  /// Creates the producer and starts its threads; the first broker check runs at once
  /// (see `health`). Throws `.invalidConfiguration` with librdkafka's explanation when a
  /// property is unknown or has a bad value, or when properties contradict each other.
  public init(configuration: KafkaProducerConfiguration) throws(KafkaProducerError) {
    let core = try ProducerCore(configuration: configuration)
    try core.start()
    let pollThreadExit = ThreadExits(count: 1)
    let pollThread = try NativeThread(name: "sluice-kafka-poll") {
      core.runPollLoop()
      pollThreadExit.exited()
    }
    do {
      // Detached: a broker check in progress at shutdown (at most `probeTimeout`) must not
      // hold up `close`; the thread returns by itself afterwards.
      try NativeThread(name: "sluice-kafka-health") { core.runProber() }.detach()
    } catch {
      core.requestStop()
      pollThread.join()
      core.finish()
      throw error
    }
    self.core = core
    self.pollThread = pollThread
    self.pollThreadExit = pollThreadExit
  }

  deinit {
    guard !closeStarted.exchange(true, ordering: .acquiringAndReleasing) else { return }
    core.requestStop()
    pollThread.join()
    core.finish()
  }

  /// The librdkafka this process runs against (the loaded library, not the headers).
  public static var libraryVersion: KafkaLibraryVersion { .loaded }

  /// What the producer knows about the brokers; calls fail fast while it is `.down`.
  public var health: KafkaHealth {
    core.state.withLock { $0.health.health }
  }

  /// The value librdkafka uses for `name` in the current handle (librdkafka's own
  /// spelling: `acks=all` reads back as `-1`), or `nil` for an unknown property. Lets the
  /// server log the settings in force; secrets such as `sasl.password` read back too.
  public func librdkafkaProperty(_ name: String) -> String? {
    let handle = core.state.withLock { $0.current }
    return handle?.property(name)
  }

  /// Produces one event and waits until Kafka acknowledges it.
  ///
  /// - Parameters:
  ///   - topic: the topic (see `TopicNaming`).
  ///   - key: the partition key, or `nil` to let librdkafka spread events.
  ///   - value: the payload.
  ///   - headers: metadata headers, in order.
  ///   - deadline: when to give up waiting (the event may still be delivered later).
  /// - Returns: where Kafka stored the event.
  /// - Throws: `KafkaProducerError` (`.queueFull`, `.unavailable`, `.deadlineExceeded`,
  ///   `.rejected`, `.deliveryFailed`, `.closed`), or `CancellationError` when the task is
  ///   cancelled while waiting.
  public func produce(
    topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = [],
    deadline: ContinuousClock.Instant
  ) async throws -> KafkaDeliveryReport {
    let core = self.core
    let call = core.makeCallID()
    let message = KafkaMessage(topic: topic, key: key, value: value, headers: headers)
    return try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { continuation in
        core.begin(
          call: call, waiter: .single(continuation), messages: CollectionOfOne(message),
          deadline: deadline)
      }
    } onCancel: {
      core.cancel(call: call)
    }
  }

  /// Produces many events and waits, with one suspension, until Kafka acknowledged all of
  /// them. Fails as a whole on the first failure; events enqueued before it may still be
  /// delivered. At most 1,048,575 messages per call.
  ///
  /// - Returns: one report per message, in the order of `messages`.
  public func produce(
    _ messages: [KafkaMessage], deadline: ContinuousClock.Instant
  ) async throws -> [KafkaDeliveryReport] {
    if messages.isEmpty { return [] }
    if messages.count > MessageTag.maximumBatchCount {
      throw KafkaProducerError(
        code: .rejected,
        message: "\(messages.count) messages in one call; at most \(MessageTag.maximumBatchCount)")
    }
    let core = self.core
    let call = core.makeCallID()
    return try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { continuation in
        core.begin(call: call, waiter: .batch(continuation), messages: messages, deadline: deadline)
      }
    } onCancel: {
      core.cancel(call: call)
    }
  }

  /// Waits until librdkafka holds no more messages (every one acknowledged or failed), or
  /// `timeout` passes. Returns whether it emptied.
  public func flush(timeout: Duration) async -> Bool {
    let core = self.core
    return await withUnsafeContinuation { continuation in
      enum Next {
        case wakePoller(ProducerHandle?)
        case answer(Bool)
      }
      let next = core.state.withLock { state -> Next in
        // Without the poll thread nothing changes any more: answer at once.
        if state.stopping { return .answer(ProducerCore.isIdle(state)) }
        state.flushWaiters.append((deadline: .now + timeout, continuation: continuation))
        return .wakePoller(state.current)
      }
      switch next {
      case .wakePoller(let handle): handle?.wakePoller()
      case .answer(let idle): continuation.resume(returning: idle)
      }
    }
  }

  /// Shuts down: refuses new calls (`.closed`), waits up to `timeout` for the events in
  /// flight to be acknowledged, fails the rest with `.closed`, stops the threads and
  /// destroys the librdkafka handle. Later calls return at once.
  public func close(timeout: Duration = .seconds(10)) async {
    guard !closeStarted.exchange(true, ordering: .acquiringAndReleasing) else { return }
    core.state.withLock { $0.closing = true }
    _ = await flush(timeout: timeout)
    core.purgeAll()
    _ = await flush(timeout: .seconds(1))
    core.requestStop()
    await pollThreadExit.wait()
    pollThread.join()
    core.finish()
  }
}
