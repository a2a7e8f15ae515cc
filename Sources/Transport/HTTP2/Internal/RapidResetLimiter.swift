/// Credit-based limit on streams the client makes the server abandon (the HTTP/2
/// rapid-reset attack, CVE-2023-44487, and its server-reset variant CVE-2025-8671): a full
/// bucket allows `burst` such resets at once and refills at `burst` per `window`; every
/// stream the server answers returns one reset's worth of credit, so a client whose calls
/// mostly get answered may cancel the rest at any rate. Times are monotonic nanoseconds.
struct RapidResetLimiter {
  private let capacity: UInt64
  private let cost: UInt64
  private var credit: UInt64
  private var lastUpdate: UInt64

  init(burst: Int, window: Duration, now: UInt64) {
    let components = window.components
    let windowNanoseconds = UInt64(max(components.seconds, 0)) * 1_000_000_000
      + UInt64(max(components.attoseconds, 0) / 1_000_000_000)
    self.capacity = max(windowNanoseconds, 1)
    self.cost = max(self.capacity / UInt64(max(burst, 1)), 1)
    self.credit = self.capacity
    self.lastUpdate = now
  }

  /// Records one reset at `now`; `false` once the peer is over the limit.
  mutating func recordReset(now: UInt64) -> Bool {
    let elapsed = now >= self.lastUpdate ? now - self.lastUpdate : 0
    self.lastUpdate = now
    self.add(elapsed)
    guard self.credit >= self.cost else { return false }
    self.credit -= self.cost
    return true
  }

  /// Records a stream the server answered: one reset's worth of credit comes back.
  mutating func recordAnswer() {
    self.add(self.cost)
  }

  private mutating func add(_ amount: UInt64) {
    self.credit = amount >= self.capacity - self.credit ? self.capacity : self.credit + amount
  }
}
