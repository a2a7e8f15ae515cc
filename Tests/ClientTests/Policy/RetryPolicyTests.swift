import SluiceClient
import SluiceRuntime
import Testing

@Suite struct RetryPolicyTests {
  @Test func defaultsRetryOnlyUnavailableOnIdempotentMethods() throws {
    let policy = try RetryPolicy()
    #expect(policy.retryableStatusCodes == [.unavailable])
    #expect(policy.applies(to: .idempotent))
    #expect(policy.applies(to: .noSideEffects))
    #expect(!policy.applies(to: .unknown))
    #expect(try RetryPolicy(retriesNonIdempotentMethods: true).applies(to: .unknown))
  }

  @Test func maxAttemptsAboveTheLimitCountAsTheLimit() throws {
    #expect(try RetryPolicy(maxAttempts: 10).maxAttempts == 5)
    #expect(try RetryPolicy(maxAttempts: 10, maxAttemptsLimit: 8).maxAttempts == 8)
    #expect(try RetryPolicy(maxAttempts: 3).maxAttempts == 3)
  }

  @Test func resourceExhaustedIsRetryableOnlyWithPushbackOrWhenListed() throws {
    let policy = try RetryPolicy()
    #expect(!policy.isRetryable(.resourceExhausted, pushback: nil))
    #expect(!policy.isRetryable(.resourceExhausted, pushback: .stopRetrying))
    #expect(policy.isRetryable(.resourceExhausted, pushback: .retryAfter(.milliseconds(5))))
    #expect(!policy.isRetryable(.internal, pushback: .retryAfter(.milliseconds(5))))
    let listing = try RetryPolicy(retryableStatusCodes: [.unavailable, .resourceExhausted])
    #expect(listing.isRetryable(.resourceExhausted, pushback: nil))
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6] as [Int])
  func backoffIsWithinTwentyPercentOfTheCappedCurve(retry: Int) throws {
    let policy = try RetryPolicy(
      initialBackoff: .milliseconds(100), maxBackoff: .seconds(1), backoffMultiplier: 2)
    var unjittered = 0.1
    for _ in 1..<retry { unjittered = min(unjittered * 2, 1) }
    var random = PolicyTestRandom(seed: UInt64(retry))
    for _ in 0..<200 {
      let delay = policy.backoff(forRetry: retry, using: &random).secondsValue
      #expect(delay >= unjittered * 0.8 - 1e-9 && delay <= unjittered * 1.2 + 1e-9)
    }
  }

  @Test func pushbackHeaderValues() {
    #expect(RetryPushback(headerValue: "250") == .retryAfter(.milliseconds(250)))
    #expect(RetryPushback(headerValue: "0") == .retryAfter(.zero))
    #expect(RetryPushback(headerValue: "-1") == .stopRetrying)
    #expect(RetryPushback(headerValue: "soon") == .stopRetrying)
    #expect(RetryPushback(headerValue: "4294967296") == .stopRetrying)
    #expect(RetryPushback(metadata: Metadata()) == nil)
    #expect(
      RetryPushback(metadata: ["grpc-retry-pushback-ms": "10"]) == .retryAfter(.milliseconds(10)))
  }

  @Test func invalidPoliciesAreRejected() {
    #expect(
      throws: PolicyConfigurationError(setting: "maxAttempts", reason: "must be greater than 1")
    ) {
      try RetryPolicy(maxAttempts: 1)
    }
    #expect(throws: PolicyConfigurationError.self) { try RetryPolicy(initialBackoff: .zero) }
    #expect(throws: PolicyConfigurationError.self) { try RetryPolicy(maxBackoff: .seconds(-1)) }
    #expect(throws: PolicyConfigurationError.self) { try RetryPolicy(backoffMultiplier: 0) }
    #expect(throws: PolicyConfigurationError.self) { try RetryPolicy(retryableStatusCodes: []) }
    #expect(throws: PolicyConfigurationError.self) { try RetryPolicy(retryableStatusCodes: [.ok]) }
  }
}

@Suite struct RetryThrottleTests {
  @Test func startsFullAndPermitsRetries() throws {
    let throttle = try RetryThrottle(maxTokens: 10, tokenRatio: 0.1)
    #expect(throttle.tokens == 10)
    #expect(throttle.isRetryPermitted)
  }

  @Test func failuresDownToHalfStopRetriesAndSuccessesRestoreThem() throws {
    let throttle = try RetryThrottle(maxTokens: 10, tokenRatio: 0.1)
    for _ in 0..<4 { #expect(throttle.recordFailure()) }
    #expect(throttle.tokens == 6)
    // The fifth failure leaves 5 tokens: not above half, so retries stop.
    #expect(!throttle.recordFailure())
    #expect(!throttle.isRetryPermitted)
    throttle.recordSuccess()
    #expect(abs(throttle.tokens - 5.1) < 1e-9)
    #expect(throttle.isRetryPermitted)
  }

  @Test func tokensStayWithinZeroAndMax() throws {
    let throttle = try RetryThrottle(maxTokens: 3, tokenRatio: 2)
    for _ in 0..<10 { throttle.recordFailure() }
    #expect(throttle.tokens == 0)
    for _ in 0..<10 { throttle.recordSuccess() }
    #expect(throttle.tokens == 3)
  }

  @Test func onlyThreeDecimalsOfTheRatioCount() throws {
    #expect(try RetryThrottle(maxTokens: 10, tokenRatio: 0.5466).tokenRatio == 0.546)
  }

  @Test func concurrentUpdatesAreNotLost() async throws {
    let throttle = try RetryThrottle(maxTokens: 1000, tokenRatio: 1)
    for _ in 0..<500 { throttle.recordFailure() }
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<50 { throttle.recordSuccess() } }
      }
    }
    #expect(throttle.tokens == 900)
  }

  @Test func invalidSettingsAreRejected() {
    #expect(throws: PolicyConfigurationError.self) {
      try RetryThrottle(maxTokens: 0, tokenRatio: 1)
    }
    #expect(throws: PolicyConfigurationError.self) {
      try RetryThrottle(maxTokens: 1001, tokenRatio: 1)
    }
    #expect(throws: PolicyConfigurationError.self) {
      try RetryThrottle(maxTokens: 10, tokenRatio: 0.0001)
    }
  }
}
