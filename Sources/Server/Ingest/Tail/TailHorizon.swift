/// Decides how far tails may read without ever skipping an event that commits late.
///
/// The store numbers events with AUTO_INCREMENT: numbers are handed out in time order but
/// become visible in commit order, so reading "everything after the last sequence seen"
/// can skip a row whose transaction commits after a later one. A sequence number seen as
/// the highest visible at one poll is *settled* once every write transaction open at that
/// poll has ended: a smaller number still uncommitted was handed out earlier, to a
/// transaction that was open then, and has now committed or rolled back. The store names
/// its open transactions with each poll (``StoreVisibility/openTransactions``), so no guess
/// about how long a transaction may take is needed, and writers in other server processes
/// count as well.
///
/// Pure: feed it every poll's ``StoreVisibility``; it answers the settled sequence.
public struct TailHorizon: Sendable {
  /// Observations not yet settled, oldest first, with strictly increasing sequences, each
  /// with the transactions open at its poll that no poll since has seen ended.
  private var pending: [(sequence: Int64, waitingFor: Set<StoreTransaction>)] = []
  /// The highest settled sequence so far.
  public private(set) var settledSequence: Int64

  /// A horizon that starts settled at `sequence`.
  public init(settledSequence: Int64 = 0) {
    self.settledSequence = settledSequence
  }

  /// Records one poll and returns the settled sequence after it.
  public mutating func observe(_ visibility: StoreVisibility) -> Int64 {
    if visibility.highestSequence > (pending.last?.sequence ?? settledSequence) {
      pending.append((visibility.highestSequence, visibility.openTransactions))
    }
    // A transaction missing from this poll has ended; only rolled-back ones reuse a name,
    // and waiting for such a namesake as well only delays.
    for index in pending.indices {
      pending[index].waitingFor.formIntersection(visibility.openTransactions)
    }
    let settledCount = pending.prefix { $0.waitingFor.isEmpty }.count
    if settledCount > 0 {
      settledSequence = pending[settledCount - 1].sequence
      pending.removeFirst(settledCount)
    }
    return settledSequence
  }

  /// Observations waiting for transactions to end.
  public var pendingCount: Int { pending.count }
}
