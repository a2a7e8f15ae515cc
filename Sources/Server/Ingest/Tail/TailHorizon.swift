/// Decides how far tails may read without ever skipping an event that commits late.
///
/// The store numbers events with AUTO_INCREMENT, so sequence numbers are handed out in
/// time order but become visible in commit order: reading "everything after the last
/// sequence seen" can skip a row whose transaction commits after a later one. The writer
/// bounds every transaction to ``settleTime`` (it rolls back, and fails its calls, past
/// that), so a sequence number observed as the highest visible at time `t` is *settled*
/// at `t + settleTime`: every smaller number is then committed or never will be.
///
/// Feed it the highest visible sequence at each poll; ``settled(at:)`` answers the
/// highest sequence up to which tails may read now. Pure: the clock is an argument.
public struct TailHorizon: Sendable {
  /// How long a sequence number takes to settle.
  public let settleTime: Duration
  /// Observations not yet settled, oldest first, with strictly increasing sequences.
  private var pending: [(at: ContinuousClock.Instant, sequence: Int64)] = []
  /// The highest settled sequence so far.
  public private(set) var settledSequence: Int64

  /// A horizon that starts settled at `sequence` (the highest sequence known committed
  /// before any tail reads).
  public init(settleTime: Duration, settledSequence: Int64) {
    self.settleTime = settleTime
    self.settledSequence = settledSequence
  }

  /// Records that `sequence` was the highest visible sequence at `now`.
  public mutating func observe(highestVisible sequence: Int64, at now: ContinuousClock.Instant) {
    guard sequence > (pending.last?.sequence ?? settledSequence) else { return }
    pending.append((now, sequence))
  }

  /// Settles every observation old enough at `now` and returns the settled sequence.
  public mutating func settled(at now: ContinuousClock.Instant) -> Int64 {
    var matured = 0
    for observation in pending {
      guard observation.at + settleTime <= now else { break }
      settledSequence = observation.sequence
      matured += 1
    }
    pending.removeFirst(matured)
    return settledSequence
  }

  /// When the oldest pending observation settles, if any is pending.
  public var nextSettlement: ContinuousClock.Instant? {
    pending.first.map { $0.at + settleTime }
  }
}
