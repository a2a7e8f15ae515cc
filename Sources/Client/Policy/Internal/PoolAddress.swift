/// The pool's record of one resolved address.
struct PoolAddress: Sendable {
  let address: Address
  /// Its connection backoff, reset when a connection to it becomes ready.
  var backoff: ConnectionBackoff.Iterator
  /// While backing off after a failed attempt: when the next attempt may start.
  var backoffUntil: ContinuousClock.Instant?
  /// Its live connections (connecting or ready), oldest first; draining and closing
  /// connections are not listed.
  var connectionIDs: [ConnectionPoolState.ConnectionID] = []

  init(address: Address, backoff: ConnectionBackoff.Iterator) {
    self.address = address
    self.backoff = backoff
  }
}
