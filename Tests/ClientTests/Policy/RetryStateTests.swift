import SluiceClient
import SluiceRuntime
import Testing

@Suite struct RetryStateTests {
  let unavailable = RPCError(code: .unavailable, message: "connection reset")

  func pushback(_ value: String, code: StatusCode = .unavailable) -> RPCError {
    RPCError(code: code, message: "busy", metadata: ["grpc-retry-pushback-ms": .string(value)])
  }

  func policy(maxAttempts: Int = 4, nonIdempotent: Bool = false) throws -> RetryPolicy {
    try RetryPolicy(
      maxAttempts: maxAttempts, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1),
      backoffMultiplier: 2, retriesNonIdempotentMethods: nonIdempotent)
  }

  func expectRetry(
    _ decision: RetryDecision, afterSeconds expected: Double,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard case .retry(let delay) = decision else {
      Issue.record("expected a retry, got \(decision)", sourceLocation: sourceLocation)
      return
    }
    #expect(abs(delay.secondsValue - expected) < 1e-9, sourceLocation: sourceLocation)
  }

  @Test func retriesAnIdempotentMethodUntilAttemptsRunOut() throws {
    var state = RetryState(policy: try policy(maxAttempts: 3))
    var random = PolicyTestRandom(seed: 1)
    for attempt in 1...2 {
      let decision = state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: nil, using: &random)
      guard case .retry(let delay) = decision else {
        Issue.record("attempt \(attempt): \(decision)")
        return
      }
      let unjittered = attempt == 1 ? 0.1 : 0.2
      #expect(
        delay.secondsValue >= unjittered * 0.8 - 1e-9
          && delay.secondsValue <= unjittered * 1.2 + 1e-9)
      #expect(state.previousAttempts == attempt)
    }
    let last = state.decide(
      after: unavailable, idempotency: .idempotent, timeRemaining: nil,
      responseDelivered: false, throttle: nil, using: &random)
    #expect(last == .giveUp(unavailable, reason: .attemptsExhausted))
    #expect(state.attempts == 3)
  }

  @Test func nonIdempotentMethodsAreNotRetriedUnlessOptedIn() throws {
    var plain = RetryState(policy: try policy())
    #expect(
      plain.decide(
        after: unavailable, idempotency: .unknown, timeRemaining: nil, responseDelivered: false,
        throttle: nil) == .giveUp(unavailable, reason: .methodNotIdempotent))
    var optedIn = RetryState(policy: try policy(nonIdempotent: true))
    guard
      case .retry = optedIn.decide(
        after: unavailable, idempotency: .unknown, timeRemaining: nil, responseDelivered: false,
        throttle: nil)
    else {
      Issue.record("opted-in policy did not retry")
      return
    }
  }

  @Test func noRetryOnceAResponseReachedTheCaller() throws {
    var state = RetryState(policy: try policy())
    #expect(
      state.decide(
        after: unavailable, idempotency: .noSideEffects, timeRemaining: nil,
        responseDelivered: true, throttle: nil)
        == .giveUp(unavailable, reason: .responseAlreadyDelivered))
  }

  @Test func statusesOutsideThePolicyAreNotRetried() throws {
    var state = RetryState(policy: try policy())
    let error = RPCError(code: .invalidArgument, message: "bad event")
    #expect(
      state.decide(
        after: error, idempotency: .idempotent, timeRemaining: nil, responseDelivered: false,
        throttle: nil) == .giveUp(error, reason: .statusNotRetryable))
  }

  @Test func neverRetriesPastTheDeadline() throws {
    var state = RetryState(policy: try policy())
    var random = PolicyFixedRandom.lowest
    // The first backoff is at least 80 ms; 50 ms left is too little.
    #expect(
      state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: .milliseconds(50),
        responseDelivered: false, throttle: nil, using: &random)
        == .giveUp(unavailable, reason: .deadlineTooClose))
    #expect(
      state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: .zero,
        responseDelivered: false, throttle: nil, using: &random)
        == .giveUp(unavailable, reason: .deadlineTooClose))
    expectRetry(
      state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: .seconds(5),
        responseDelivered: false, throttle: nil, using: &random), afterSeconds: 0.08)
  }

  @Test func pushbackDelayIsUsedExactlyAndResetsTheBackoff() throws {
    var state = RetryState(policy: try policy(maxAttempts: 5))
    var random = PolicyFixedRandom.lowest
    // Two computed retries: 80 ms, 160 ms (lowest jitter).
    for expected in [0.08, 0.16] {
      expectRetry(
        state.decide(
          after: unavailable, idempotency: .idempotent, timeRemaining: nil,
          responseDelivered: false, throttle: nil, using: &random), afterSeconds: expected)
    }
    #expect(
      state.decide(
        after: pushback("1500"), idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: nil, using: &random)
        == .retry(after: .milliseconds(1500)))
    // After a pushback the computed backoff starts over at the initial backoff.
    expectRetry(
      state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: nil, using: &random), afterSeconds: 0.08)
  }

  @Test func pushbackCannotExceedMaxAttemptsOrTheDeadline() throws {
    var state = RetryState(policy: try policy(maxAttempts: 2))
    #expect(
      state.decide(
        after: pushback("10000"), idempotency: .idempotent, timeRemaining: .seconds(3),
        responseDelivered: false, throttle: nil)
        == .giveUp(pushback("10000"), reason: .deadlineTooClose))
    _ = state.decide(
      after: pushback("10"), idempotency: .idempotent, timeRemaining: nil,
      responseDelivered: false, throttle: nil)
    #expect(
      state.decide(
        after: pushback("10"), idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: nil)
        == .giveUp(pushback("10"), reason: .attemptsExhausted))
  }

  @Test func serverPushbackStopEndsRetries() throws {
    var state = RetryState(policy: try policy())
    let error = pushback("-1")
    #expect(
      state.decide(
        after: error, idempotency: .idempotent, timeRemaining: nil, responseDelivered: false,
        throttle: nil) == .giveUp(error, reason: .serverPushback))
  }

  @Test func resourceExhaustedIsRetriedWhenTheServerPushesBack() throws {
    var state = RetryState(policy: try policy())
    let plain = RPCError(code: .resourceExhausted, message: "queue full")
    #expect(
      state.decide(
        after: plain, idempotency: .idempotent, timeRemaining: nil, responseDelivered: false,
        throttle: nil) == .giveUp(plain, reason: .statusNotRetryable))
    #expect(
      state.decide(
        after: pushback("200", code: .resourceExhausted), idempotency: .idempotent,
        timeRemaining: nil, responseDelivered: false, throttle: nil)
        == .retry(after: .milliseconds(200)))
  }

  /// Fault case: a burst of failures spends the channel's retry budget, after which calls
  /// fail at once instead of retrying, until successes earn the budget back.
  @Test func retryBudgetExhaustionStopsRetriesAcrossCalls() throws {
    let throttle = try RetryThrottle(maxTokens: 10, tokenRatio: 0.5)
    let policy = try policy()
    var random = PolicyTestRandom(seed: 9)
    var outcomes: [RetryDecision.GiveUpReason?] = []
    for _ in 0..<7 {
      var state = RetryState(policy: policy)
      let decision = state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: throttle, using: &random)
      if case .giveUp(_, let reason) = decision {
        outcomes.append(reason)
      } else {
        outcomes.append(nil)
      }
    }
    // Tokens 10 → 9, 8, 7, 6 allow retries; 5 and below do not.
    #expect(outcomes == [nil, nil, nil, nil, .throttled, .throttled, .throttled])
    #expect(throttle.tokens == 3)

    // Non-retryable failures count as successes: five add half a token each.
    let invalid = RPCError(code: .invalidArgument)
    for _ in 0..<5 {
      var state = RetryState(policy: policy)
      _ = state.decide(
        after: invalid, idempotency: .idempotent, timeRemaining: nil, responseDelivered: false,
        throttle: throttle, using: &random)
    }
    #expect(throttle.tokens == 5.5)
    var state = RetryState(policy: policy)
    // This failure takes it to 4.5: throttled again.
    #expect(
      state.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: throttle, using: &random)
        == .giveUp(unavailable, reason: .throttled))
    for _ in 0..<4 { throttle.recordSuccess() }
    var recovered = RetryState(policy: policy)
    guard
      case .retry = recovered.decide(
        after: unavailable, idempotency: .idempotent, timeRemaining: nil,
        responseDelivered: false, throttle: throttle, using: &random)
    else {
      Issue.record("retries did not resume after the budget recovered")
      return
    }
  }
}
