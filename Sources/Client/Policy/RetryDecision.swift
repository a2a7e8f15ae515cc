public import SluiceRuntime

/// What to do after an attempt of a call failed: try again after a delay, or give up and
/// fail the call.
public enum RetryDecision: Sendable, Hashable {
  /// Start the next attempt after this delay.
  case retry(after: Duration)
  /// Fail the call with this error (the failed attempt's); `reason` says why it is not
  /// retried.
  case giveUp(RPCError, reason: GiveUpReason)

  /// Why a failed call is not retried.
  public enum GiveUpReason: Sendable, Hashable {
    /// The status code is not one the policy retries.
    case statusNotRetryable
    /// Response headers or messages already reached the caller (the call is committed).
    case responseAlreadyDelivered
    /// The method is not marked idempotent and the policy does not opt in.
    case methodNotIdempotent
    /// The server's `grpc-retry-pushback-ms` said not to retry.
    case serverPushback
    /// The policy's `maxAttempts` were all used.
    case attemptsExhausted
    /// The channel's retry throttle is at or below half its tokens.
    case throttled
    /// The delay would end at or after the call's deadline.
    case deadlineTooClose
  }
}
