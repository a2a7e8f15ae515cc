import SluiceClient
import Testing

@Suite struct ConnectionBackoffTests {
  @Test func defaultsAreGRPCs() {
    let backoff = ConnectionBackoff.grpcDefault
    #expect(backoff.initial == .seconds(1))
    #expect(backoff.multiplier == 1.6)
    #expect(backoff.jitter == 0.2)
    #expect(backoff.maximum == .seconds(120))
    #expect(backoff.minConnectTimeout == .seconds(20))
  }

  @Test func firstWaitIsTheInitialBackoffWithoutJitter() {
    var iterator = ConnectionBackoff.grpcDefault.makeIterator()
    var random = PolicyFixedRandom.highest
    #expect(iterator.next(using: &random) == .seconds(1))
  }

  @Test(arguments: [1, 2, 3, 42, 1000] as [UInt64])
  func everyWaitIsWithinTheJitterOfTheExponentialCurve(seed: UInt64) {
    var iterator = ConnectionBackoff.grpcDefault.makeIterator()
    var random = PolicyTestRandom(seed: seed)
    var unjittered = 1.0
    #expect(iterator.next(using: &random) == .seconds(1))
    for _ in 0..<30 {
      unjittered = min(unjittered * 1.6, 120)
      let wait = iterator.next(using: &random).secondsValue
      #expect(wait >= unjittered * 0.8 - 1e-9, "wait \(wait) under \(unjittered) - 20%")
      #expect(wait <= unjittered * 1.2 + 1e-9, "wait \(wait) over \(unjittered) + 20%")
    }
  }

  @Test func jitterReachesBothEndsOfItsRange() {
    var low = ConnectionBackoff.grpcDefault.makeIterator()
    var high = ConnectionBackoff.grpcDefault.makeIterator()
    var lowest = PolicyFixedRandom.lowest
    var highest = PolicyFixedRandom.highest
    _ = low.next(using: &lowest)
    _ = high.next(using: &highest)
    #expect(abs(low.next(using: &lowest).secondsValue - 1.6 * 0.8) < 1e-9)
    #expect(abs(high.next(using: &highest).secondsValue - 1.6 * 1.2) < 1e-6)
  }

  @Test func waitsStopGrowingAtTheMaximum() {
    var iterator = ConnectionBackoff.grpcDefault.makeIterator()
    var random = PolicyFixedRandom.lowest
    var waits: [Double] = []
    for _ in 0..<20 { waits.append(iterator.next(using: &random).secondsValue) }
    // 1.6^11 > 120, so from the 12th wait on the unjittered value is the cap.
    #expect(waits.suffix(5).allSatisfy { abs($0 - 96) < 1e-9 })
  }

  @Test func sameSeedGivesSameSequence() {
    func sequence(seed: UInt64) -> [Duration] {
      var iterator = ConnectionBackoff.grpcDefault.makeIterator()
      var random = PolicyTestRandom(seed: seed)
      return (0..<8).map { _ in iterator.next(using: &random) }
    }
    #expect(sequence(seed: 7) == sequence(seed: 7))
    #expect(sequence(seed: 7) != sequence(seed: 8))
  }

  @Test func resetStartsOverAtTheInitialBackoff() {
    var iterator = ConnectionBackoff.grpcDefault.makeIterator()
    var random = PolicyTestRandom(seed: 1)
    for _ in 0..<5 { _ = iterator.next(using: &random) }
    iterator.reset()
    #expect(iterator.next(using: &random) == .seconds(1))
  }

  @Test func connectTimeoutIsAtLeastTheMinimum() {
    let backoff = ConnectionBackoff.grpcDefault
    #expect(backoff.connectTimeout(forBackoff: .seconds(1)) == .seconds(20))
    #expect(backoff.connectTimeout(forBackoff: .seconds(100)) == .seconds(100))
  }

  @Test func customParametersAreUsed() throws {
    let backoff = try ConnectionBackoff(
      initial: .milliseconds(100), multiplier: 2, jitter: 0, maximum: .milliseconds(500),
      minConnectTimeout: .seconds(1))
    var iterator = backoff.makeIterator()
    var random = PolicyTestRandom(seed: 3)
    let waits = (0..<5).map { _ in iterator.next(using: &random) }
    #expect(
      waits == [
        .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500),
        .milliseconds(500),
      ])
  }

  @Test func invalidParametersAreRejected() {
    #expect(throws: PolicyConfigurationError.self) { try ConnectionBackoff(initial: .zero) }
    #expect(throws: PolicyConfigurationError.self) { try ConnectionBackoff(multiplier: 0.5) }
    #expect(throws: PolicyConfigurationError.self) { try ConnectionBackoff(jitter: 1) }
    #expect(throws: PolicyConfigurationError.self) { try ConnectionBackoff(jitter: -0.1) }
    #expect(throws: PolicyConfigurationError.self) {
      try ConnectionBackoff(initial: .seconds(10), maximum: .seconds(5))
    }
    #expect(throws: PolicyConfigurationError.self) {
      try ConnectionBackoff(minConnectTimeout: .zero)
    }
  }
}
