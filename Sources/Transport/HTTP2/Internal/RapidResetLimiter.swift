/// Credit-based limit on RST_STREAM frames received (the HTTP/2 rapid-reset
/// attack, CVE-2023-44487): a full bucket allows `burst` resets at once and
/// refills at `burst` per `window`. Times are monotonic nanoseconds.
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
    self.credit = elapsed >= self.capacity - self.credit ? self.capacity : self.credit + elapsed
    guard self.credit >= self.cost else { return false }
    self.credit -= self.cost
    return true
  }
}
