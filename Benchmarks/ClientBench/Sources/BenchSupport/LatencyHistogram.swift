/// Call latencies in fixed buckets, so recording allocates nothing: 1 µs buckets below
/// 10 ms, 100 µs buckets from 10 ms to 1 s, and one bucket above.
public struct LatencyHistogram: Sendable {
  private static let fineLimit = 10_000
  private static let coarseWidth = 100
  private static let coarseBuckets = (1_000_000 - fineLimit) / coarseWidth
  private var buckets: [UInt32]
  /// Calls recorded.
  public private(set) var count = 0

  /// An empty histogram.
  public init() {
    buckets = [UInt32](repeating: 0, count: Self.fineLimit + Self.coarseBuckets + 1)
  }

  /// Records one latency.
  public mutating func record(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let microseconds = Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
    let index: Int
    if microseconds < Self.fineLimit {
      index = max(0, microseconds)
    } else {
      index = min(
        Self.fineLimit + (microseconds - Self.fineLimit) / Self.coarseWidth,
        Self.fineLimit + Self.coarseBuckets)
    }
    buckets[index] &+= 1
    count += 1
  }

  /// Adds another histogram's calls.
  public mutating func merge(_ other: LatencyHistogram) {
    for index in buckets.indices { buckets[index] &+= other.buckets[index] }
    count += other.count
  }

  /// The latency in microseconds below which `fraction` of the calls fell (the bucket's
  /// lower bound); 0 when empty.
  public func percentile(_ fraction: Double) -> Double {
    guard count > 0 else { return 0 }
    let rank = max(1, Int((Double(count) * fraction).rounded(.up)))
    var seen = 0
    for (index, calls) in buckets.enumerated() {
      seen += Int(calls)
      if seen >= rank {
        if index < Self.fineLimit { return Double(index) }
        return Double(Self.fineLimit + (index - Self.fineLimit) * Self.coarseWidth)
      }
    }
    return Double(Self.fineLimit + Self.coarseBuckets * Self.coarseWidth)
  }
}
