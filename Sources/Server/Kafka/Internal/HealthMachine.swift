/// Decides the producer's broker health and when to check the brokers or replace the
/// librdkafka handle: a state machine without I/O, fed by librdkafka's error callback,
/// delivery reports, metadata probes and a periodic tick.
///
/// - An "all brokers down" error moves `.up` to `.checking`; a probe then decides between
///   `.up` (a broker answers; a connection merely closed) and `.down`.
/// - While `.down`, probes repeat every `probeInterval`. When one succeeds the handle is
///   replaced: a broker that lost its state (a restarted in-memory broker) rejects the old
///   producer id for ever, and a fresh handle costs nothing on a healthy cluster.
/// - A successful delivery report proves a broker is there: the health becomes `.up`.
/// - While `.up`, events outstanding with no successful report for `stallTimeout` mean the
///   handle is stuck (the broker came back before a probe saw it gone): replace it.
/// - A fatal librdkafka error (the idempotent producer cannot go on) replaces the handle.
struct HealthMachine {
  /// What the prober thread must do next.
  enum Action: Equatable {
    /// Send a metadata request and report the result with `probeFinished`.
    case probe
    /// Create a new librdkafka handle, retire the current one, report with `handleReplaced`.
    case replaceHandle(reason: String)
  }

  private(set) var health: KafkaHealth = .connecting
  private let probeInterval: Duration
  private let stallTimeout: Duration
  private var probeDue: ContinuousClock.Instant?
  private var probing = false
  private var lastProgress: ContinuousClock.Instant
  private var pendingReplacement: String?

  init(now: ContinuousClock.Instant, probeInterval: Duration, stallTimeout: Duration) {
    self.probeInterval = probeInterval
    self.stallTimeout = stallTimeout
    self.probeDue = now
    self.lastProgress = now
  }

  /// librdkafka reported every broker connection down. Returns whether a probe is now due.
  mutating func brokersDown(reason: String, now: ContinuousClock.Instant) -> Bool {
    switch health {
    case .up, .connecting:
      health = .checking(reason: reason)
      probeDue = now
      return true
    case .checking, .down:
      return false
    }
  }

  /// librdkafka raised a fatal error: the handle cannot produce any more.
  mutating func fatalError(reason: String) {
    pendingReplacement = "fatal librdkafka error: \(reason)"
  }

  /// A delivery report said Kafka acknowledged an event.
  mutating func delivered(now: ContinuousClock.Instant) {
    lastProgress = now
    if health != .up {
      health = .up
      probeDue = nil
    }
  }

  /// A probe finished. Returns `.replaceHandle` when the brokers came back after an outage.
  mutating func probeFinished(
    reachable: Bool, reason: String, now: ContinuousClock.Instant
  ) -> Action? {
    probing = false
    if reachable {
      let wasDown = if case .down = health { true } else { false }
      health = .up
      probeDue = nil
      lastProgress = now
      return wasDown ? .replaceHandle(reason: "a broker answers again after an outage") : nil
    }
    if health == .up { return nil }
    health = .down(reason: reason)
    probeDue = now + probeInterval
    return nil
  }

  /// The new handle is in place.
  mutating func handleReplaced(now: ContinuousClock.Instant) {
    lastProgress = now
  }

  /// Called by the prober thread at least every `probeInterval` with the number of messages
  /// and requests librdkafka holds. Returns what to do now, if anything.
  mutating func tick(now: ContinuousClock.Instant, outstanding: Int) -> Action? {
    if let reason = pendingReplacement {
      pendingReplacement = nil
      return .replaceHandle(reason: reason)
    }
    if let due = probeDue, due <= now, !probing {
      probing = true
      return .probe
    }
    guard health == .up else { return nil }
    if outstanding == 0 {
      lastProgress = now
      return nil
    }
    if now - lastProgress >= stallTimeout {
      lastProgress = now
      return .replaceHandle(
        reason: "\(outstanding) events outstanding and no acknowledgement for \(stallTimeout)")
    }
    return nil
  }

  /// When the prober should next wake up by itself.
  func nextWake(now: ContinuousClock.Instant) -> ContinuousClock.Instant {
    var wake = now + probeInterval
    if let due = probeDue, !probing, due < wake { wake = due }
    return wake
  }
}
