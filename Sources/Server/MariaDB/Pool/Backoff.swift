/// Exponential backoff with jitter between reconnection attempts.
///
/// The n-th consecutive failure waits `initial × multiplier^(n-1)`, capped at `maximum`,
/// then shortened by a random fraction of up to `jitter`, so that many workers losing the
/// same server do not reconnect in lock step.
public struct Backoff: Sendable {
  /// Delays and randomness.
  public struct Configuration: Sendable, Hashable {
    /// The delay after the first failure.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    /// How much each further failure multiplies the delay.
    public var multiplier: Double
    /// The largest fraction (0–1) by which a delay is randomly shortened.
    public var jitter: Double

    /// Creates a configuration; by default 50 ms doubling up to 5 s, with up to 50% jitter.
    public init(
      initial: Duration = .milliseconds(50), maximum: Duration = .seconds(5), multiplier: Double = 2,
      jitter: Double = 0.5
    ) {
      self.initial = initial
      self.maximum = maximum
      self.multiplier = multiplier
      self.jitter = jitter
    }
  }

  /// The delays and randomness in use.
  public let configuration: Configuration
  /// Failures since the last ``reset()``.
  public private(set) var failures = 0

  /// Creates a backoff with no failures yet.
  public init(_ configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// Records a failure and returns how long to wait before the next attempt.
  public mutating func nextDelay() -> Duration {
    var generator = SystemRandomNumberGenerator()
    return nextDelay(using: &generator)
  }

  /// Records a failure and returns how long to wait, drawing jitter from `generator`.
  public mutating func nextDelay(using generator: inout some RandomNumberGenerator) -> Duration {
    failures += 1
    let exponent = Double(min(failures - 1, 62))
    let base = min(
      configuration.initial * Self.power(configuration.multiplier, exponent),
      configuration.maximum)
    let jitter = min(max(configuration.jitter, 0), 1)
    let shortening = jitter > 0 ? Double.random(in: 0..<jitter, using: &generator) : 0
    return base * (1 - shortening)
  }

  /// Forgets the failures after a success.
  public mutating func reset() {
    failures = 0
  }

  private static func power(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 && result < 1e12 {
      result *= base
      remaining -= 1
    }
    return result
  }
}
