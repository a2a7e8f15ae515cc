public import SluiceRuntime

extension ConnectionPoolState {
  /// Something that happened, reported by the I/O layer to
  /// ``ConnectionPoolState/handle(_:now:into:)``.
  public enum Event: Sendable, Hashable {
    /// The target's name resolved (or, for fixed targets, is known) to these addresses,
    /// in order of preference; replaces the previous list.
    case addressesResolved([Address])
    /// Resolving the target's name failed.
    case resolutionFailed(RPCError)
    /// A call wants a stream. `waitForReady`: wait through connection failures instead of
    /// failing at once with `UNAVAILABLE`; `deadline`: when the call gives up.
    case callRequested(CallID, waitForReady: Bool, deadline: ContinuousClock.Instant?)
    /// A call still waiting in the queue was cancelled by its caller.
    case callCancelled(CallID)
    /// The connection is established (HTTP/2 preface and the server's first `SETTINGS`
    /// exchanged). `maxConcurrentStreams`: the server's limit; nil if it sent none.
    case connectionReady(ConnectionID, maxConcurrentStreams: Int?)
    /// The server's `SETTINGS` changed its stream limit (nil: no limit given).
    case maxConcurrentStreamsChanged(ConnectionID, Int?)
    /// A stream the pool dispatched on this connection ended, however it ended.
    case streamClosed(ConnectionID)
    /// The server sent `GOAWAY`: the connection takes no new streams; streams in flight
    /// go on.
    case goAway(ConnectionID)
    /// A connection attempt failed before the connection became ready.
    case connectFailed(ConnectionID, RPCError)
    /// The connection closed: `nil` error when it closed cleanly (after the pool asked,
    /// or after `GOAWAY` and its last stream), otherwise what broke it. Streams still in
    /// flight on it fail in the I/O layer; no `streamClosed` is needed for them.
    case connectionClosed(ConnectionID, RPCError?)
    /// A timer the pool asked for is due.
    case timerFired(TimerToken)
    /// The channel is closing: queued calls fail, connections close as their streams end.
    case shutDown
  }
}
