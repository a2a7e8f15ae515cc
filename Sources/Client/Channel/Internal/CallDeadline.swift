internal import NIOCore

/// A call's deadline on both clocks it is checked against: the pool's (`ContinuousClock`)
/// and the event loop's (`NIODeadline`).
struct CallDeadline: Sendable {
  let instant: ContinuousClock.Instant
  let loopDeadline: NIODeadline

  /// The deadline `timeout` from now.
  init(timeout: Duration) {
    instant = ContinuousClock.now.advanced(by: timeout)
    loopDeadline = .after(timeout)
  }

  /// Time left; negative once passed.
  var remaining: Duration { ContinuousClock.now.duration(to: instant) }
}
