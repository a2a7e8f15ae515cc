/// Where a pending call stands, as the channel's loop sees it.
enum PendingCallPlacement {
  /// Not yet handed to the pool.
  case new
  /// Cancelled before it reached the pool.
  case cancelled
  /// Waiting in the pool's queue.
  case queued(ConnectionPoolState.CallID)
  /// Started on a connection.
  case dispatched(ConnectionLoop)
  /// Failed or handed over.
  case ended
}
