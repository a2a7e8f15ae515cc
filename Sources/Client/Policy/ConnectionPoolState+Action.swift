public import SluiceRuntime

extension ConnectionPoolState {
  /// Something the I/O layer must do, returned by
  /// ``ConnectionPoolState/handle(_:now:into:)`` in the order to do it.
  public enum Action: Sendable, Hashable {
    /// Open a connection to the address; report it as `connection` from now on
    /// (``Event/connectionReady(_:maxConcurrentStreams:)``,
    /// ``Event/connectFailed(_:_:)``, ...).
    case connect(Address, ConnectionID)
    /// Open the call's stream on the connection (one of its streams is now counted as in
    /// use until ``Event/streamClosed(_:)``).
    case dispatchCall(CallID, to: ConnectionID)
    /// The call waits for a connection; nothing to do but keep it.
    case queueCall(CallID)
    /// Fail the call with the error without opening a stream.
    case failCall(CallID, RPCError)
    /// Report ``Event/timerFired(_:)`` with the token at the instant.
    case scheduleTimer(TimerToken, at: ContinuousClock.Instant)
    /// The timer is no longer needed (optional: stale timers are ignored).
    case cancelTimer(TimerToken)
    /// Close the connection (it carries no stream) or abandon the attempt; then report
    /// ``Event/connectionClosed(_:_:)`` (or ``Event/connectFailed(_:_:)``).
    case closeConnection(ConnectionID)
    /// Resolve the target's name again; answer with ``Event/addressesResolved(_:)`` or
    /// ``Event/resolutionFailed(_:)`` (fixed targets answer with their addresses).
    case resolveAddresses
    /// After ``Event/shutDown``, the last connection closed: the I/O loop may end.
    case shutDownComplete
  }

  /// The channel's state as gRPC names it (`doc/connectivity-semantics-and-api.md`).
  public enum Connectivity: Sendable, Hashable {
    /// No connection and no attempt; the next call starts one.
    case idle
    /// A name resolution or connection attempt is in progress and nothing is ready.
    case connecting
    /// At least one connection takes new calls.
    case ready
    /// Every address is backing off after failures (or the name did not resolve):
    /// fail-fast calls fail at once.
    case transientFailure
    /// Shut down.
    case shutDown
  }
}
