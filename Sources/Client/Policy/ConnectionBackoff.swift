/// gRPC's connection backoff (grpc/grpc `doc/connection-backoff.md`): how long to wait
/// between attempts to connect to one address, and how long to give each attempt.
///
/// The first attempt may start at once and the next one `initial` after it started; each
/// later wait is the previous one times `multiplier`, capped at `maximum`, then moved by a
/// uniformly random fraction of up to `jitter` either way, so clients that lost a server
/// at the same moment do not reconnect in lockstep. An attempt is given
/// `max(its backoff, minConnectTimeout)` to succeed (``connectTimeout(forBackoff:)``).
///
/// The defaults are gRPC's: 1 s, ×1.6, ±20 %, at most 120 s, at least 20 s per attempt.
public struct ConnectionBackoff: Sendable, Hashable {
  /// The wait after the first attempt; never jittered.
  public let initial: Duration
  /// The factor each later wait grows by; at least 1.
  public let multiplier: Double
  /// The largest fraction a wait moves by at random, either way; in `0..<1`.
  public let jitter: Double
  /// The cap on a wait before jitter.
  public let maximum: Duration
  /// The least time a connection attempt is given before it counts as failed.
  public let minConnectTimeout: Duration

  /// gRPC's parameters: 1 s initial, ×1.6, ±0.2 jitter, 120 s maximum, 20 s minimum
  /// connect timeout.
  public static let grpcDefault = ConnectionBackoff(
    unchecked: .seconds(1), multiplier: 1.6, jitter: 0.2, maximum: .seconds(120),
    minConnectTimeout: .seconds(20))

  /// Creates a backoff, checking that `initial`, `maximum` and `minConnectTimeout` are
  /// positive, `maximum` is at least `initial`, `multiplier` is at least 1 and `jitter`
  /// is in `0..<1`.
  public init(
    initial: Duration = .seconds(1), multiplier: Double = 1.6, jitter: Double = 0.2,
    maximum: Duration = .seconds(120), minConnectTimeout: Duration = .seconds(20)
  ) throws(PolicyConfigurationError) {
    guard initial > .zero else {
      throw PolicyConfigurationError(setting: "initialBackoff", reason: "must be positive")
    }
    guard maximum >= initial else {
      throw PolicyConfigurationError(
        setting: "maxBackoff", reason: "must be at least initialBackoff (\(initial))")
    }
    guard multiplier >= 1, multiplier.isFinite else {
      throw PolicyConfigurationError(
        setting: "backoffMultiplier", reason: "must be a finite number of at least 1")
    }
    guard jitter >= 0, jitter < 1 else {
      throw PolicyConfigurationError(setting: "jitter", reason: "must be in 0..<1")
    }
    guard minConnectTimeout > .zero else {
      throw PolicyConfigurationError(setting: "minConnectTimeout", reason: "must be positive")
    }
    self.init(
      unchecked: initial, multiplier: multiplier, jitter: jitter, maximum: maximum,
      minConnectTimeout: minConnectTimeout)
  }

  private init(
    unchecked initial: Duration, multiplier: Double, jitter: Double, maximum: Duration,
    minConnectTimeout: Duration
  ) {
    self.initial = initial
    self.multiplier = multiplier
    self.jitter = jitter
    self.maximum = maximum
    self.minConnectTimeout = minConnectTimeout
  }

  /// How long an attempt whose backoff is `backoff` may take:
  /// `max(backoff, minConnectTimeout)`.
  public func connectTimeout(forBackoff backoff: Duration) -> Duration {
    Swift.max(backoff, minConnectTimeout)
  }

  /// A fresh sequence of waits, starting with ``initial``.
  public func makeIterator() -> Iterator {
    Iterator(backoff: self)
  }

  /// The waits for one address, one per connection attempt; start a new iterator (or
  /// ``reset()``) when a connection succeeds. It never ends.
  public struct Iterator: Sendable, Hashable {
    private let backoff: ConnectionBackoff
    /// The unjittered current wait, in seconds; nil before the first attempt.
    private var current: Double?

    init(backoff: ConnectionBackoff) {
      self.backoff = backoff
    }

    /// The wait between the start of the next attempt and the start of the one after it,
    /// drawing the jitter from `random`.
    public mutating func next(using random: inout some RandomNumberGenerator) -> Duration {
      guard let previous = current else {
        current = backoff.initial.inSeconds
        return backoff.initial
      }
      let grown = Swift.min(previous * backoff.multiplier, backoff.maximum.inSeconds)
      current = grown
      let spread = backoff.jitter * grown
      return .seconds(grown + Double.random(in: -spread...spread, using: &random))
    }

    /// The next wait, jittered with the system's random generator.
    public mutating func next() -> Duration {
      var random = SystemRandomNumberGenerator()
      return next(using: &random)
    }

    /// Starts over at ``ConnectionBackoff/initial``, as after a successful connection.
    public mutating func reset() {
      current = nil
    }
  }
}
