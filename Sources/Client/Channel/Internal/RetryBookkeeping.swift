/// A call's retries so far: the policy's state (made at the first failure) and the
/// transparent retries.
struct RetryBookkeeping: Sendable {
  var state: RetryState?
  var transparentRetries = 0

  /// The `grpc-previous-rpc-attempts` of the next attempt: the policy's retries.
  var previousAttempts: Int { state?.previousAttempts ?? 0 }
}
