public import SluiceRuntime

/// When and how often a failed call is tried again: the `retryPolicy` of gRPC's service
/// config (gRFC A6), plus which methods it may be applied to.
///
/// Only methods whose schema marks them `IDEMPOTENT` or `NO_SIDE_EFFECTS` are retried,
/// since a failed attempt may still have taken effect on the server, unless
/// ``retriesNonIdempotentMethods`` opts in. Status codes in ``retryableStatusCodes`` are
/// retried (`UNAVAILABLE` by default); `RESOURCE_EXHAUSTED` is retried also, without
/// being listed, when the server asked for it by sending a `grpc-retry-pushback-ms`
/// delay.
///
/// The delay before retry *n* (counted since the last server pushback) is
/// `min(initialBackoff × backoffMultiplier^(n-1), maxBackoff)` times a random factor in
/// `0.8...1.2` (gRFC A6 as revised in 2024).
public struct RetryPolicy: Sendable, Hashable {
  /// The cap gRPC puts on `maxAttempts` unless the client raises it.
  public static let defaultMaxAttemptsLimit = 5
  /// The fraction the backoff moves by at random, either way.
  public static let jitter = 0.2

  /// Attempts in all, the first included; at least 2 and at most the limit the policy
  /// was created with.
  public let maxAttempts: Int
  /// The delay before the first retry, before jitter.
  public let initialBackoff: Duration
  /// The cap on a delay before jitter.
  public let maxBackoff: Duration
  /// The factor each later delay grows by.
  public let backoffMultiplier: Double
  /// The codes worth another attempt; never contains `.ok`.
  public let retryableStatusCodes: Set<StatusCode>
  /// Whether methods not marked idempotent are retried too.
  public let retriesNonIdempotentMethods: Bool

  /// Creates a policy, checking it as gRFC A6 asks: `maxAttempts` above 1 (values above
  /// `maxAttemptsLimit` count as the limit), positive backoffs and multiplier, a
  /// non-empty set of codes without `OK`. The defaults are A6's example: 4 attempts,
  /// 0.1 s, 1 s, ×2, `UNAVAILABLE`.
  public init(
    maxAttempts: Int = 4, initialBackoff: Duration = .milliseconds(100),
    maxBackoff: Duration = .seconds(1), backoffMultiplier: Double = 2,
    retryableStatusCodes: Set<StatusCode> = [.unavailable],
    retriesNonIdempotentMethods: Bool = false,
    maxAttemptsLimit: Int = RetryPolicy.defaultMaxAttemptsLimit
  ) throws(PolicyConfigurationError) {
    guard maxAttempts > 1 else {
      throw PolicyConfigurationError(setting: "maxAttempts", reason: "must be greater than 1")
    }
    guard maxAttemptsLimit >= 1 else {
      throw PolicyConfigurationError(setting: "maxAttemptsLimit", reason: "must be at least 1")
    }
    guard initialBackoff > .zero else {
      throw PolicyConfigurationError(setting: "initialBackoff", reason: "must be positive")
    }
    guard maxBackoff > .zero else {
      throw PolicyConfigurationError(setting: "maxBackoff", reason: "must be positive")
    }
    guard backoffMultiplier > 0, backoffMultiplier.isFinite else {
      throw PolicyConfigurationError(
        setting: "backoffMultiplier", reason: "must be a finite number greater than 0")
    }
    guard !retryableStatusCodes.isEmpty else {
      throw PolicyConfigurationError(setting: "retryableStatusCodes", reason: "must not be empty")
    }
    guard !retryableStatusCodes.contains(.ok) else {
      throw PolicyConfigurationError(setting: "retryableStatusCodes", reason: "must not contain OK")
    }
    self.maxAttempts = min(maxAttempts, maxAttemptsLimit)
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
    self.backoffMultiplier = backoffMultiplier
    self.retryableStatusCodes = retryableStatusCodes
    self.retriesNonIdempotentMethods = retriesNonIdempotentMethods
  }

  /// Whether the policy may retry a method of this idempotency level.
  public func applies(to idempotency: IdempotencyLevel) -> Bool {
    switch idempotency {
    case .idempotent, .noSideEffects: true
    case .unknown: retriesNonIdempotentMethods
    }
  }

  /// Whether a failure with `code` and the server's `pushback` is worth another attempt
  /// (before counting attempts, the deadline or the throttle).
  public func isRetryable(_ code: StatusCode, pushback: RetryPushback?) -> Bool {
    if retryableStatusCodes.contains(code) { return true }
    if code == .resourceExhausted, case .retryAfter = pushback { return true }
    return false
  }

  /// The delay before retry number `retry` (1 for the first retry since the start or
  /// since the server's last pushback), with jitter drawn from `random`.
  public func backoff(forRetry retry: Int, using random: inout some RandomNumberGenerator)
    -> Duration
  {
    let cap = maxBackoff.inSeconds
    var seconds = min(initialBackoff.inSeconds, cap)
    var step = 1
    while step < retry, seconds < cap {
      seconds = min(seconds * backoffMultiplier, cap)
      step += 1
    }
    let factor = Double.random(in: (1 - Self.jitter)...(1 + Self.jitter), using: &random)
    return .seconds(seconds * factor)
  }
}
