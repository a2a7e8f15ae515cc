import SluiceClient
import SluiceRuntime
import Testing

typealias TestPool = ConnectionPoolState

/// Drives a ``ConnectionPoolState`` the way the I/O loop would, with a fake clock: it
/// keeps the timers the pool asks for and fires them when the clock passes them.
struct PoolHarness {
  var pool: TestPool
  let start = ContinuousClock.now
  private(set) var now: ContinuousClock.Instant
  /// Armed timers and when they are due.
  private(set) var timers: [TestPool.TimerToken: ContinuousClock.Instant] = [:]

  init(configuration: TestPool.Configuration = .standard, seed: UInt64 = 1) {
    pool = TestPool(configuration: configuration, random: PolicyTestRandom(seed: seed))
    now = start
  }

  /// Seconds since the harness started.
  func at(_ seconds: Double) -> ContinuousClock.Instant {
    start + .seconds(seconds)
  }

  @discardableResult
  mutating func send(_ event: TestPool.Event) -> [TestPool.Action] {
    let actions = pool.handle(event, now: now)
    for action in actions {
      switch action {
      case .scheduleTimer(let token, let instant): timers[token] = instant
      case .cancelTimer(let token): timers[token] = nil
      default: break
      }
    }
    return actions
  }

  /// Requests a call and returns its identifier with the actions.
  mutating func call(
    waitForReady: Bool = false, deadline: ContinuousClock.Instant? = nil
  ) -> (TestPool.CallID, [TestPool.Action]) {
    let id = pool.makeCallID()
    return (id, send(.callRequested(id, waitForReady: waitForReady, deadline: deadline)))
  }

  /// Resolves `addresses`, lets a first call open a connection to each, makes them all
  /// ready (with the server's stream limit `maxStreams`) and ends that call, which went to
  /// the first connection. Returns the connections, one per address.
  mutating func connectedPool(
    _ addresses: [Address], maxStreams: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [TestPool.ConnectionID] {
    send(.addressesResolved(addresses))
    let ids = call().1.connects.map(\.id)
    try #require(ids.count == addresses.count, sourceLocation: sourceLocation)
    for id in ids { send(.connectionReady(id, maxConcurrentStreams: maxStreams)) }
    send(.streamClosed(ids[0]))
    return ids
  }

  /// Moves the clock forward, firing every timer that comes due on the way, in order.
  @discardableResult
  mutating func advance(by duration: Duration) -> [TestPool.Action] {
    let end = now + duration
    var actions: [TestPool.Action] = []
    while let (token, due) = timers.filter({ $0.value <= end }).min(by: { $0.value < $1.value }) {
      timers[token] = nil
      now = max(now, due)
      actions += send(.timerFired(token))
    }
    now = end
    return actions
  }
}

extension Array where Element == TestPool.Action {
  /// The connections asked for, in order.
  var connects: [(address: Address, id: TestPool.ConnectionID)] {
    compactMap { if case .connect(let address, let id) = $0 { (address, id) } else { nil } }
  }

  /// The connection each dispatched call went to.
  var dispatches: [TestPool.CallID: TestPool.ConnectionID] {
    var result: [TestPool.CallID: TestPool.ConnectionID] = [:]
    for case .dispatchCall(let call, let connection) in self { result[call] = connection }
    return result
  }

  /// The error each failed call got.
  var failures: [TestPool.CallID: RPCError] {
    var result: [TestPool.CallID: RPCError] = [:]
    for case .failCall(let call, let error) in self { result[call] = error }
    return result
  }

  /// The connection of the `index`th connect; fails the test when there is none.
  func connection(
    _ index: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> TestPool.ConnectionID {
    let connects = self.connects
    try #require(
      index < connects.count, "only \(connects.count) connects", sourceLocation: sourceLocation)
    return connects[index].id
  }

  var closes: [TestPool.ConnectionID] {
    compactMap { if case .closeConnection(let id) = $0 { id } else { nil } }
  }

  var queued: [TestPool.CallID] {
    compactMap { if case .queueCall(let id) = $0 { id } else { nil } }
  }
}

extension Address {
  static let testA = Address.ipv4(host: "10.0.0.1", port: 50051)
  static let testB = Address.ipv4(host: "10.0.0.2", port: 50051)
  static let testC = Address.ipv4(host: "10.0.0.3", port: 50051)
}
