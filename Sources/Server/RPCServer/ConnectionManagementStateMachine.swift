internal import NIOCore

/// Keepalive, idleness and the policing of client PINGs for one HTTP/2 connection, as a
/// pure state machine: the connection reports what happened (with the time) and arms the
/// timers it is told to; this type decides.
///
/// Timers are armed lazily: opening and closing calls never schedules anything while a
/// timer is pending; a timer that fires early re-arms for the remaining time. So a busy
/// connection costs one scheduled task per interval, not one per call.
struct ConnectionManagementStateMachine {
  /// The limits, from ``ServerConfiguration``.
  struct Configuration {
    /// Closes connections without open streams for this long; nil: never.
    var idleTimeout: TimeAmount?
    /// Sends a PING after this much silence; nil: never.
    var keepaliveInterval: TimeAmount?
    /// How long a keepalive PING may go unanswered.
    var keepaliveTimeout: TimeAmount
    /// The shortest accepted interval between client PINGs while calls are open.
    var minPingInterval: TimeAmount
    /// Whether clients may PING at `minPingInterval` without open calls.
    var permitPingsWithoutCalls: Bool
    /// Strikes tolerated before the connection is closed.
    var maxPingStrikes: Int

    /// The interval required between client PINGs without open calls, unless permitted
    /// (gRFC A8).
    static let pingIntervalWithoutCalls = TimeAmount.hours(2)
  }

  /// What to do when the idle timer fires.
  enum IdleAction: Equatable {
    /// Still busy: nothing, the timer is re-armed when the last stream closes.
    case none
    /// Idle, but not for long enough yet: arm the timer again for this time.
    case rearm(NIODeadline)
    /// Idle for the whole timeout: shut the connection down gracefully.
    case shutDown
  }

  /// What to do when the keepalive timer fires.
  enum KeepaliveAction: Equatable {
    /// Keepalive is off: leave the timer disarmed.
    case none
    /// The peer spoke recently: arm the timer again for this time.
    case rearm(NIODeadline)
    /// Silence for the whole interval: send a keepalive PING, arm the timer for its timeout.
    case sendPing(timeoutAt: NIODeadline)
    /// A keepalive PING went unanswered: close the connection.
    case close
  }

  let configuration: Configuration
  /// Streams with a call, from open to close.
  private(set) var openStreams = 0
  /// Since when no stream is open; nil while one is.
  private var idleSince: NIODeadline?
  private var idleTimerArmed = false
  /// When bytes last arrived.
  private var lastRead: NIODeadline
  /// When the unanswered keepalive PING went out.
  private var pingSentAt: NIODeadline?
  private var pingStrikes = 0
  private var lastClientPing: NIODeadline?
  /// The engine's count of HEADERS and DATA sent, at the last client PING.
  private var framesSentAtLastPing: UInt64 = 0

  init(configuration: Configuration, now: NIODeadline) {
    self.configuration = configuration
    self.lastRead = now
    self.idleSince = now
  }

  // MARK: Timers

  /// The timers to arm when the connection starts: idle and keepalive deadlines.
  mutating func start(now: NIODeadline) -> (idle: NIODeadline?, keepalive: NIODeadline?) {
    var idle: NIODeadline?
    if let timeout = configuration.idleTimeout {
      idleTimerArmed = true
      idle = now + timeout
    }
    return (idle, configuration.keepaliveInterval.map { now + $0 })
  }

  /// The idle timer fired.
  mutating func idleTimerFired(now: NIODeadline) -> IdleAction {
    guard let timeout = configuration.idleTimeout, let since = idleSince else {
      idleTimerArmed = false
      return .none
    }
    if now >= since + timeout {
      idleTimerArmed = false
      return .shutDown
    }
    return .rearm(since + timeout)
  }

  /// The keepalive timer fired.
  mutating func keepaliveTimerFired(now: NIODeadline) -> KeepaliveAction {
    guard let interval = configuration.keepaliveInterval else { return .none }
    if let sentAt = pingSentAt {
      // Any bytes since the PING (its acknowledgement, or data queued before it) prove
      // the peer is alive.
      guard lastRead > sentAt else { return .close }
      pingSentAt = nil
    }
    if now >= lastRead + interval {
      pingSentAt = now
      return .sendPing(timeoutAt: now + configuration.keepaliveTimeout)
    }
    return .rearm(lastRead + interval)
  }

  // MARK: Connection events

  /// Bytes arrived from the client.
  mutating func bytesReceived(now: NIODeadline) {
    lastRead = now
  }

  /// The keepalive PING was acknowledged.
  mutating func keepalivePingAcknowledged() {
    pingSentAt = nil
  }

  /// A call's stream opened.
  mutating func streamOpened() {
    openStreams += 1
    idleSince = nil
  }

  /// A call's stream closed; returns when to fire the idle timer if it must be armed.
  mutating func streamClosed(now: NIODeadline) -> NIODeadline? {
    openStreams = max(0, openStreams - 1)
    guard openStreams == 0 else { return nil }
    idleSince = now
    guard let timeout = configuration.idleTimeout, !idleTimerArmed else { return nil }
    idleTimerArmed = true
    return now + timeout
  }

  /// The client sent a PING (not an acknowledgement); `framesSent` is the engine's count
  /// of HEADERS and DATA frames sent so far. Returns whether the client has now sent too
  /// many: then close the connection with GOAWAY ENHANCE_YOUR_CALM `too_many_pings`.
  mutating func pingReceived(now: NIODeadline, framesSent: UInt64) -> Bool {
    defer { lastClientPing = now }
    if framesSent != framesSentAtLastPing {
      // The server sent HEADERS or DATA since the last PING: the slate is clean.
      framesSentAtLastPing = framesSent
      pingStrikes = 0
      return false
    }
    guard let last = lastClientPing else { return false }
    let interval =
      openStreams > 0 || configuration.permitPingsWithoutCalls
      ? configuration.minPingInterval : Configuration.pingIntervalWithoutCalls
    if now < last + interval {
      pingStrikes += 1
    }
    return pingStrikes > configuration.maxPingStrikes
  }
}
