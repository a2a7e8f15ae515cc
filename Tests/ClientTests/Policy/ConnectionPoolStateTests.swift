import SluiceClient
import SluiceRuntime
import Testing

@Suite struct ConnectionPoolStateTests {
  @Test func firstCallResolvesTheNameThenConnectsToEveryAddress() throws {
    var harness = PoolHarness()
    let (call, actions) = harness.call()
    #expect(actions == [.resolveAddresses, .queueCall(call)])
    #expect(harness.pool.connectivity == .connecting)

    let connecting = harness.send(.addressesResolved([.testA, .testB, .testC]))
    #expect(connecting.connects.map(\.address) == [.testA, .testB, .testC])
    for (_, id) in connecting.connects {
      #expect(harness.timers[.connectTimeout(id)] == harness.at(20))
    }

    let first = try connecting.connection(0)
    let ready = harness.send(.connectionReady(first, maxConcurrentStreams: 100))
    #expect(ready == [.cancelTimer(.connectTimeout(first)), .dispatchCall(call, to: first)])
    #expect(harness.pool.connectivity == .ready)
  }

  @Test func callsGoRoundRobinAcrossAddresses() throws {
    var harness = PoolHarness()
    let ids = try harness.connectedPool([.testA, .testB, .testC])
    var order: [TestPool.ConnectionID] = []
    for _ in 0..<6 {
      let (call, actions) = harness.call()
      order += actions.dispatches[call].map { [$0] } ?? []
    }
    // The set-up call went to A, so B is next.
    #expect(order == [ids[1], ids[2], ids[0], ids[1], ids[2], ids[0]])
  }

  @Test func streamLimitOpensAnotherConnectionUpToThePerAddressMaximum() throws {
    var harness = PoolHarness(configuration: try .init(connectionsPerAddress: 2))
    let first = try harness.connectedPool([.testA], maxStreams: 1)[0]
    let (call1, actions1) = harness.call()
    #expect(actions1.dispatches == [call1: first])

    // The only connection is full: queue the call and open a second connection.
    let (call2, actions2) = harness.call()
    #expect(actions2.queued == [call2])
    #expect(actions2.connects.map(\.address) == [.testA])
    let second = try actions2.connection(0)
    #expect(
      harness.send(.connectionReady(second, maxConcurrentStreams: 1)).dispatches == [call2: second])

    // Both full and at the per-address maximum: the call waits for a stream.
    let (call3, actions3) = harness.call()
    #expect(actions3.queued == [call3])
    #expect(actions3.connects.isEmpty)
    #expect(harness.send(.streamClosed(first)).dispatches == [call3: first])
  }

  @Test func streamLimitIsTheDefaultUntilTheServerGivesOne() throws {
    var harness = PoolHarness(configuration: try .init(defaultMaxConcurrentStreams: 3))
    let id = try harness.connectedPool([.testA], maxStreams: nil)[0]
    for _ in 0..<3 { #expect(harness.call().1.dispatches.count == 1) }
    let (waiting, actions) = harness.call()
    #expect(actions.queued == [waiting])
    #expect(harness.pool.streamsInUse(on: id) == 3)
    // SETTINGS raise the limit: the waiting call goes out.
    #expect(
      harness.send(.maxConcurrentStreamsChanged(id, 10)).dispatches == [waiting: id])
  }

  @Test func leastLoadedConnectionOfAnAddressGetsTheCall() throws {
    var harness = PoolHarness(configuration: try .init(connectionsPerAddress: 2))
    let first = try harness.connectedPool([.testA], maxStreams: 1)[0]
    _ = harness.call()
    let (_, opening) = harness.call()
    let second = try opening.connection(0)
    harness.send(.connectionReady(second, maxConcurrentStreams: 1))
    harness.send(.maxConcurrentStreamsChanged(first, 10))
    harness.send(.maxConcurrentStreamsChanged(second, 10))
    harness.send(.streamClosed(second))
    // Loads now: first 1, second 0.
    var chosen: [TestPool.ConnectionID] = []
    for _ in 0..<4 {
      let (call, actions) = harness.call()
      chosen += actions.dispatches[call].map { [$0] } ?? []
    }
    #expect(chosen == [second, first, second, first])
  }

  @Test func goAwayDrainsTheConnection() throws {
    var harness = PoolHarness()
    let old = try harness.connectedPool([.testA])[0]
    _ = harness.call()  // in flight on the old connection
    #expect(harness.send(.goAway(old)) == [.resolveAddresses])

    // New calls avoid the draining connection; the address gets a new one.
    let (next, actions) = harness.call()
    #expect(actions.dispatches.isEmpty)
    #expect(actions.queued == [next])
    #expect(actions.connects.map(\.address) == [.testA])
    let new = try actions.connection(0)

    // The call in flight finishes; then the old connection closes.
    #expect(harness.send(.streamClosed(old)) == [.closeConnection(old)])
    #expect(
      harness.send(.connectionReady(new, maxConcurrentStreams: 100)).dispatches == [next: new])
    #expect(harness.send(.connectionClosed(old, nil)).isEmpty)
    #expect(harness.pool.streamsInUse(on: old) == nil)
  }

  @Test func goAwayOnAnIdleConnectionClosesItAtOnce() throws {
    var harness = PoolHarness()
    let id = try harness.connectedPool([.testA])[0]
    #expect(harness.send(.goAway(id)) == [.closeConnection(id), .resolveAddresses])
  }

  @Test func roundRobinSkipsTheAddressThatIsDownAndReturnsToItAfterBackoff() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA, .testB, .testC]))
    let (first, opening) = harness.call()
    let (a, b, c) = (
      try opening.connection(0), try opening.connection(1), try opening.connection(2)
    )

    let failed = harness.send(
      .connectFailed(b, RPCError(code: .unavailable, message: "connection refused")))
    #expect(failed.failures.isEmpty, "A and C are still connecting")
    #expect(harness.timers[.backoffEnded(.testB)] == harness.at(1))
    #expect(harness.send(.connectionReady(a, maxConcurrentStreams: 100)).dispatches == [first: a])
    harness.send(.connectionReady(c, maxConcurrentStreams: 100))

    var used: [TestPool.ConnectionID] = []
    for _ in 0..<6 {
      let (call, actions) = harness.call()
      #expect(actions.connects.isEmpty)
      used += actions.dispatches[call].map { [$0] } ?? []
    }
    #expect(used == [c, a, c, a, c, a])

    // Backoff over while calls are in flight: B is tried again at once.
    let retried = harness.advance(by: .seconds(1))
    #expect(retried.connects.map(\.address) == [.testB])
    let newB = try retried.connection(0)
    harness.send(.connectionReady(newB, maxConcurrentStreams: 100))
    let (call, actions) = harness.call()
    #expect(actions.dispatches == [call: newB])
  }

  @Test func failFastCallsFailWhileWaitForReadyCallsWaitForTheReconnect() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA]))
    let (fast, opening) = harness.call()
    let (patient, _) = harness.call(waitForReady: true)
    let attempt = try opening.connection(0)

    let refused = RPCError(code: .unavailable, message: "connection refused")
    let failed = harness.send(.connectFailed(attempt, refused))
    #expect(failed.failures.keys.sorted { $0.rawValue < $1.rawValue } == [fast])
    #expect(failed.failures[fast]?.code == .unavailable)
    #expect(failed.failures[fast]?.message.contains("connection refused") == true)
    #expect(failed.contains(.resolveAddresses))
    #expect(harness.pool.connectivity == .transientFailure)
    #expect(harness.pool.queuedCallCount == 1)

    // While backing off, fail-fast calls fail at once; wait-for-ready ones queue.
    let (late, lateActions) = harness.call()
    #expect(lateActions.failures[late]?.message.contains("connection refused") == true)
    #expect(lateActions.queued.isEmpty)
    let (patient2, queuedActions) = harness.call(waitForReady: true)
    #expect(queuedActions.queued == [patient2])

    // The backoff ends one second after the attempt started: reconnect.
    #expect(harness.advance(by: .milliseconds(999)).isEmpty)
    let reconnect = harness.advance(by: .milliseconds(1))
    #expect(reconnect.connects.map(\.address) == [.testA])
    let ready = harness.send(
      .connectionReady(try reconnect.connection(0), maxConcurrentStreams: 100))
    #expect(Set(ready.dispatches.keys) == [patient, patient2])
  }

  @Test func backoffBetweenAttemptsGrowsWithJitter() throws {
    var harness = PoolHarness(seed: 77)
    harness.send(.addressesResolved([.testA]))
    let (_, opening) = harness.call(waitForReady: true)
    var attempt = try opening.connection(0)
    var attemptStart = 0.0
    var unjittered = 1.0
    for round in 0..<6 {
      harness.send(.connectFailed(attempt, RPCError(code: .unavailable, message: "refused")))
      guard let due = harness.timers[.backoffEnded(.testA)] else {
        Issue.record("no backoff timer in round \(round)")
        return
      }
      let wait = (due - harness.at(attemptStart)).secondsValue
      if round == 0 {
        #expect(wait == 1)
      } else {
        #expect(
          wait >= unjittered * 0.8 - 1e-6 && wait <= unjittered * 1.2 + 1e-6, "round \(round)")
      }
      let next = harness.advance(by: due - harness.now)
      #expect(next.connects.count == 1)
      attempt = try next.connection(0)
      attemptStart = (harness.now - harness.start).secondsValue
      unjittered = round == 0 ? 1.6 : unjittered * 1.6
    }
  }

  @Test func connectTimeoutAbandonsTheAttemptAndBacksOff() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA]))
    let (fast, opening) = harness.call()
    let (patient, _) = harness.call(waitForReady: true)
    let attempt = try opening.connection(0)

    #expect(harness.advance(by: .seconds(19)).isEmpty)
    let timedOut = harness.advance(by: .seconds(1))
    #expect(timedOut.closes == [attempt])
    #expect(timedOut.failures[fast]?.message.contains("timed out") == true)
    #expect(timedOut.failures[patient] == nil)
    // The attempt took longer than its backoff, so the next one starts at once.
    #expect(timedOut.connects.map(\.address) == [.testA])
    let retry = try timedOut.connection(0)

    // The I/O layer's late report about the abandoned attempt changes nothing.
    #expect(harness.send(.connectFailed(attempt, RPCError(code: .cancelled))).isEmpty)
    #expect(
      harness.send(.connectionReady(retry, maxConcurrentStreams: 100)).dispatches == [
        patient: retry
      ])
  }

  @Test func queuedCallsFailAtTheirDeadline() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA]))
    let (patient, opening) = harness.call(waitForReady: true, deadline: harness.at(5))
    harness.send(.connectFailed(try opening.connection(0), RPCError(code: .unavailable)))
    let actions = harness.advance(by: .seconds(5))
    #expect(actions.failures[patient]?.code == .deadlineExceeded)
    #expect(harness.pool.queuedCallCount == 0)

    let (expired, expiredActions) = harness.call(deadline: harness.now)
    #expect(expiredActions.failures[expired]?.code == .deadlineExceeded)
  }

  @Test func cancelledCallsLeaveTheQueue() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA]))
    let (call, opening) = harness.call(waitForReady: true, deadline: harness.at(30))
    #expect(harness.send(.callCancelled(call)) == [.cancelTimer(.callDeadline(call))])
    #expect(harness.pool.queuedCallCount == 0)
    let ready = harness.send(.connectionReady(try opening.connection(0), maxConcurrentStreams: 100))
    #expect(ready.dispatches.isEmpty)
  }

  @Test func idleConnectionsCloseAfterTheIdleTimeout() throws {
    var harness = PoolHarness(configuration: try .init(idleTimeout: .seconds(60)))
    let id = try harness.connectedPool([.testA])[0]
    #expect(harness.advance(by: .seconds(30)).isEmpty)
    let (call, actions) = harness.call()
    #expect(actions.dispatches == [call: id])
    #expect(harness.advance(by: .seconds(10)).isEmpty)
    harness.send(.streamClosed(id))
    // Idle since t=40: the timer due at t=60 re-arms for t=100.
    #expect(
      harness.advance(by: .seconds(20)) == [.scheduleTimer(.idleTimeout(id), at: harness.at(100))])
    #expect(harness.advance(by: .seconds(40)) == [.closeConnection(id)])
    #expect(harness.send(.connectionClosed(id, nil)).isEmpty)
    #expect(harness.pool.connectivity == .idle)

    // The next call connects again.
    let (_, again) = harness.call()
    #expect(again.connects.map(\.address) == [.testA])
  }

  @Test func aBrokenConnectionIsReplacedOnDemandAndItsErrorReported() throws {
    var harness = PoolHarness()
    let id = try harness.connectedPool([.testA])[0]
    _ = harness.call()
    let reset = RPCError(code: .unavailable, message: "connection reset by peer")
    #expect(harness.send(.connectionClosed(id, reset)) == [.resolveAddresses])

    let (patient, reconnecting) = harness.call(waitForReady: true)
    #expect(reconnecting.connects.map(\.address) == [.testA])
    harness.send(.addressesResolved([.testA]))
    let refused = RPCError(code: .unavailable, message: "connection refused")
    harness.send(.connectFailed(try reconnecting.connection(0), refused))
    let (fast, failing) = harness.call()
    #expect(failing.failures[fast]?.message.contains("connection refused") == true)

    let retry = harness.advance(by: .seconds(1))
    #expect(retry.connects.count == 1)
    let ready = harness.send(.connectionReady(try retry.connection(0), maxConcurrentStreams: 100))
    #expect(ready.dispatches.keys.first == patient)
  }

  @Test func addressesThatGoAwayDrainTheirConnections() throws {
    var harness = PoolHarness()
    let ids = try harness.connectedPool([.testA, .testB])
    let (_, actions) = harness.call()
    #expect(actions.dispatches.values.first == ids[1])
    // B leaves the list while its call is in flight; A's idle connection stays.
    #expect(harness.send(.addressesResolved([.testA])).isEmpty)
    for _ in 0..<3 { #expect(harness.call().1.dispatches.values.first == ids[0]) }
    #expect(harness.send(.streamClosed(ids[1])) == [.closeConnection(ids[1])])
    // A leaves too while idle: closed at once.
    let gone = harness.send(.addressesResolved([.testC]))
    #expect(gone.closes.isEmpty, "A still carries three calls")
  }

  @Test func nameResolutionFailureFailsFastCallsAndIsRetried() throws {
    var harness = PoolHarness()
    let (fast, _) = harness.call()
    let (patient, _) = harness.call(waitForReady: true)
    let failed = harness.send(
      .resolutionFailed(RPCError(code: .unavailable, message: "no such host")))
    #expect(failed.failures[fast]?.message == "name resolution failed: no such host")
    #expect(failed.failures[patient] == nil)
    #expect(harness.advance(by: .seconds(1)) == [.resolveAddresses])
    let connecting = harness.send(.addressesResolved([.testA]))
    #expect(connecting.connects.count == 1)
    #expect(
      harness.send(.connectionReady(try connecting.connection(0), maxConcurrentStreams: nil))
        .dispatches
        == [patient: try connecting.connection(0)])
  }

  @Test func shutDownFailsQueuedCallsAndClosesConnectionsAsTheyEmpty() throws {
    var harness = PoolHarness()
    harness.send(.addressesResolved([.testA, .testB]))
    let (first, opening) = harness.call()
    let (a, b) = (try opening.connection(0), try opening.connection(1))
    #expect(harness.send(.connectionReady(a, maxConcurrentStreams: 1)).dispatches == [first: a])
    let (waiting, queued) = harness.call(waitForReady: true)
    #expect(queued.queued == [waiting])

    let shutting = harness.send(.shutDown)
    #expect(shutting.failures[waiting]?.code == .unavailable)
    #expect(shutting.closes == [b])
    #expect(harness.pool.connectivity == .shutDown)
    let (late, lateActions) = harness.call(waitForReady: true)
    #expect(lateActions.failures[late]?.message == "the channel is shut down")

    #expect(harness.send(.connectFailed(b, RPCError(code: .cancelled))).isEmpty)
    #expect(harness.send(.streamClosed(a)) == [.closeConnection(a)])
    #expect(harness.send(.connectionClosed(a, nil)) == [.shutDownComplete])
  }
}
