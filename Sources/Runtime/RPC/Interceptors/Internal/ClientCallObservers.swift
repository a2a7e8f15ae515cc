/// The observers client interceptors returned for one call, and when it started.
struct ClientCallObservers: Sendable {
  let start: ContinuousClock.Instant
  private var observers: [ClientCallObserver] = []

  init(start: ContinuousClock.Instant) {
    self.start = start
  }

  var isEmpty: Bool { observers.isEmpty }

  mutating func append(_ observer: @escaping ClientCallObserver) {
    observers.append(observer)
  }

  /// Reports the call's end to every observer, the last interceptor's first.
  func finish(error: RPCError?) {
    guard !observers.isEmpty else { return }
    let outcome = RPCOutcome(error: error, duration: start.duration(to: .now))
    for observer in observers.reversed() {
      observer(outcome)
    }
  }
}
