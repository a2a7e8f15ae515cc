/// The pool's record of one connection.
struct PoolConnection: Sendable {
  enum State: Sendable, Hashable {
    /// Being established; the next attempt to its address may start at `retryAt`.
    case connecting(retryAt: ContinuousClock.Instant)
    /// Takes new streams.
    case ready
    /// Takes no new streams (GOAWAY, its address went away, shutdown); closed when its
    /// last stream ends.
    case draining
    /// The pool asked the I/O layer to close it and waits for it to report the close.
    case closing
  }

  let address: Address
  var state: State
  /// The server's `MAX_CONCURRENT_STREAMS` (or the configured default).
  var maxStreams: Int
  /// Streams dispatched on it and not yet closed.
  var inUse = 0
  /// When it last became idle (no stream in use) while ready; nil while in use.
  var idleSince: ContinuousClock.Instant?
  /// When the idle timer asked for last is due; nil when none is pending.
  var idleTimerAt: ContinuousClock.Instant?

  init(address: Address, state: State, maxStreams: Int) {
    self.address = address
    self.state = state
    self.maxStreams = maxStreams
  }

  /// Being established.
  var isConnecting: Bool {
    if case .connecting = state { return true }
    return false
  }

  /// Ready with a free stream.
  var hasCapacity: Bool { state == .ready && inUse < maxStreams }
}
