public import SluiceRuntime

/// The retry bookkeeping of one call: how many attempts it made and where its backoff
/// stands. The transport creates one per call that has a ``RetryPolicy`` and asks
/// ``decide(after:idempotency:timeRemaining:responseDelivered:throttle:using:)`` after
/// each failed attempt.
public struct RetryState: Sendable {
  /// The call's policy.
  public let policy: RetryPolicy
  /// Attempts started so far, the first included.
  public private(set) var attempts = 1
  /// Retries with a computed backoff since the start or since the last pushback delay.
  private var retriesSincePushback = 0

  /// The state of a call about to make its first attempt.
  public init(policy: RetryPolicy) {
    self.policy = policy
  }

  /// The value of `grpc-previous-rpc-attempts` for the current attempt (0 on the first).
  public var previousAttempts: Int { attempts - 1 }

  /// Decides whether to retry after the current attempt failed with `error`, and counts
  /// the outcome in `throttle` (when the channel has one).
  ///
  /// The throttle loses a token when the failure is retryable by the policy or the server
  /// pushed back with "stop", and gains ``RetryThrottle/tokenRatio`` otherwise. The call
  /// is then retried only when no response reached the caller, the method may be
  /// retried, the code is retryable, the server did not say stop, attempts remain, the
  /// throttle permits, and the delay (the server's pushback delay, else the policy's
  /// backoff) ends before the deadline. On `.retry`, the next attempt is counted.
  ///
  /// - Parameters:
  ///   - error: The failed attempt's error; its metadata are the trailers, where a
  ///     `grpc-retry-pushback-ms` is looked for.
  ///   - idempotency: The method's idempotency level.
  ///   - timeRemaining: Time left until the call's deadline; nil when it has none.
  ///   - responseDelivered: Whether response headers or messages already reached the
  ///     caller.
  ///   - throttle: The channel's retry throttle, if it has one.
  ///   - random: The source of the backoff's jitter.
  public mutating func decide(
    after error: RPCError, idempotency: IdempotencyLevel, timeRemaining: Duration?,
    responseDelivered: Bool, throttle: RetryThrottle?,
    using random: inout some RandomNumberGenerator
  ) -> RetryDecision {
    let pushback = RetryPushback(metadata: error.metadata)
    let retryable = policy.isRetryable(error.code, pushback: pushback)
    var throttlePermits = true
    if let throttle {
      if retryable || pushback == .stopRetrying {
        throttlePermits = throttle.recordFailure()
      } else {
        throttle.recordSuccess()
      }
    }

    if responseDelivered { return .giveUp(error, reason: .responseAlreadyDelivered) }
    guard policy.applies(to: idempotency) else {
      return .giveUp(error, reason: .methodNotIdempotent)
    }
    guard retryable else { return .giveUp(error, reason: .statusNotRetryable) }
    let delay: Duration
    switch pushback {
    case .stopRetrying:
      return .giveUp(error, reason: .serverPushback)
    case .retryAfter(let pushedDelay):
      delay = pushedDelay
    case nil:
      delay = policy.backoff(forRetry: retriesSincePushback + 1, using: &random)
    }
    guard attempts < policy.maxAttempts else {
      return .giveUp(error, reason: .attemptsExhausted)
    }
    guard throttlePermits else { return .giveUp(error, reason: .throttled) }
    if let timeRemaining, delay >= timeRemaining {
      return .giveUp(error, reason: .deadlineTooClose)
    }

    attempts += 1
    if pushback == nil {
      retriesSincePushback += 1
    } else {
      retriesSincePushback = 0
    }
    return .retry(after: delay)
  }

  /// ``decide(after:idempotency:timeRemaining:responseDelivered:throttle:using:)`` with
  /// the system's random generator.
  public mutating func decide(
    after error: RPCError, idempotency: IdempotencyLevel, timeRemaining: Duration?,
    responseDelivered: Bool, throttle: RetryThrottle?
  ) -> RetryDecision {
    var random = SystemRandomNumberGenerator()
    return decide(
      after: error, idempotency: idempotency, timeRemaining: timeRemaining,
      responseDelivered: responseDelivered, throttle: throttle, using: &random)
  }
}
