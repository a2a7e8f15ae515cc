import SluiceRuntime

/// A channel's pool of HTTP/2 connections as a state machine: events in, actions out, no
/// I/O. The I/O layer is a thin loop around it: it feeds every event with the current
/// time to ``handle(_:now:into:)``, then performs the returned actions (connect, open a
/// stream, fail a call, arm a timer, close a connection, resolve the name).
///
/// What it decides:
/// - **Spread**: calls go round-robin across the resolved addresses; at each address to
///   its least loaded ready connection. An address backing off after a failed attempt is
///   skipped; one without a connection gets one when its turn comes.
/// - **Stream limits**: a connection takes at most the server's `MAX_CONCURRENT_STREAMS`
///   (``Configuration/defaultMaxConcurrentStreams`` until known). When every ready
///   connection is full, calls queue and more connections open, up to
///   ``Configuration/connectionsPerAddress`` per address.
/// - **GOAWAY**: the connection drains: no new calls, calls in flight go on, closed when
///   the last one ends.
/// - **Failures**: an address whose attempt failed (or timed out, see
///   ``ConnectionBackoff/connectTimeout(forBackoff:)``) backs off per
///   ``ConnectionBackoff``. When every address is backing off, queued calls fail with
///   `UNAVAILABLE` carrying the last connection error, unless they wait for ready; those
///   wait for the reconnect after the backoff, or their deadline.
/// - **Idle**: a connection without calls for ``Configuration/idleTimeout`` is closed.
///
/// Time comes in with each event and randomness (the backoff jitter) from the generator
/// given at creation, so a test drives it deterministically.
public struct ConnectionPoolState: Sendable {
  let configuration: Configuration
  var random: any RandomNumberGenerator & Sendable

  /// The resolved addresses, in round-robin order.
  var addresses: [PoolAddress] = []
  var connections: [ConnectionID: PoolConnection] = [:]
  var queue = CallQueue()
  /// The address the next pick starts at.
  var pickCursor = 0
  /// The address the next extra connection is tried at.
  var connectCursor = 0
  var nextConnectionNumber: UInt64 = 0
  var nextCallNumber: UInt64 = 0
  /// Streams in use across all connections.
  var streamsInUse = 0

  var resolution = Resolution.unresolved
  var resolutionInFlight = false
  var resolutionBackoff: ConnectionBackoff.Iterator
  /// The last error a connection attempt or connection failed with.
  var lastError: RPCError?
  var isShuttingDown = false
  var reportedShutDown = false

  enum Resolution: Sendable {
    case unresolved
    case resolved
    case failed(RPCError)
  }

  /// An empty pool; it asks for name resolution when the first call comes.
  /// - Parameters:
  ///   - configuration: Connection counts, limits, timeouts and backoff.
  ///   - random: The source of backoff jitter (seeded in tests).
  public init(
    configuration: Configuration = .standard,
    random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
  ) {
    self.configuration = configuration
    self.random = random
    self.resolutionBackoff = configuration.backoff.makeIterator()
  }

  /// A new call identifier for ``Event/callRequested(_:waitForReady:deadline:)``.
  public mutating func makeCallID() -> CallID {
    defer { nextCallNumber += 1 }
    return CallID(nextCallNumber)
  }

  /// Applies `event`, which happened at `now`, appending the actions it calls for to
  /// `actions` (which the caller may reuse between events to save allocations).
  public mutating func handle(
    _ event: Event, now: ContinuousClock.Instant, into actions: inout [Action]
  ) {
    switch event {
    case .addressesResolved(let addresses):
      addressesResolved(addresses, now: now, actions: &actions)
    case .resolutionFailed(let error):
      resolutionFailed(error, now: now, actions: &actions)
    case .callRequested(let call, let waitForReady, let deadline):
      callRequested(
        call, waitForReady: waitForReady, deadline: deadline, now: now, actions: &actions)
    case .callCancelled(let call):
      callCancelled(call, actions: &actions)
    case .connectionReady(let id, let maxStreams):
      connectionReady(id, maxStreams: maxStreams, now: now, actions: &actions)
    case .maxConcurrentStreamsChanged(let id, let maxStreams):
      maxStreamsChanged(id, maxStreams: maxStreams, now: now, actions: &actions)
    case .streamClosed(let id):
      streamClosed(id, now: now, actions: &actions)
    case .goAway(let id):
      goAway(id, now: now, actions: &actions)
    case .connectFailed(let id, let error):
      connectFailed(id, error: error, now: now, actions: &actions)
    case .connectionClosed(let id, let error):
      connectionClosed(id, error: error, now: now, actions: &actions)
    case .timerFired(let token):
      timerFired(token, now: now, actions: &actions)
    case .shutDown:
      shutDown(actions: &actions)
    }
  }

  /// Applies `event` and returns the actions it calls for.
  public mutating func handle(_ event: Event, now: ContinuousClock.Instant) -> [Action] {
    var actions: [Action] = []
    handle(event, now: now, into: &actions)
    return actions
  }

  /// The channel's connectivity state.
  public var connectivity: Connectivity {
    if isShuttingDown { return .shutDown }
    if connections.values.contains(where: { $0.state == .ready }) { return .ready }
    if connections.values.contains(where: \.isConnecting) { return .connecting }
    if isInTransientFailure { return .transientFailure }
    return resolutionInFlight ? .connecting : .idle
  }

  /// Calls waiting for a stream.
  public var queuedCallCount: Int { queue.count }

  /// Streams in use on a connection; nil for a connection the pool does not know (any
  /// more).
  public func streamsInUse(on id: ConnectionID) -> Int? {
    connections[id]?.inUse
  }
}
