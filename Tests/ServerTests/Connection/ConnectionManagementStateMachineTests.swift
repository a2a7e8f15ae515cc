import NIOCore
import Testing

@testable import SluiceServer

/// Keepalive, idleness and client PING policing, decided without sockets or timers.
@Suite struct ConnectionManagementStateMachineTests {
  typealias Machine = ConnectionManagementStateMachine

  static let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

  static func machine(
    idle: TimeAmount? = nil, keepalive: TimeAmount? = nil, timeout: TimeAmount = .seconds(20),
    minPing: TimeAmount = .minutes(5), permitWithoutCalls: Bool = false, strikes: Int = 2
  ) -> Machine {
    Machine(
      configuration: Machine.Configuration(
        idleTimeout: idle, keepaliveInterval: keepalive, keepaliveTimeout: timeout,
        minPingInterval: minPing, permitPingsWithoutCalls: permitWithoutCalls,
        maxPingStrikes: strikes),
      now: start)
  }

  static func at(seconds: Int64) -> NIODeadline { start + .seconds(seconds) }

  @Test func nothingIsArmedWhenBothAreOff() {
    var machine = Self.machine()
    let timers = machine.start(now: Self.start)
    #expect(timers.idle == nil && timers.keepalive == nil)
    let idleTimer = machine.streamClosed(now: Self.start)
    #expect(idleTimer == nil)
    let keepalive = machine.keepaliveTimerFired(now: Self.start)
    #expect(keepalive == .none)
    let idle = machine.idleTimerFired(now: Self.start)
    #expect(idle == .none)
  }

  @Test func idleConnectionShutsDownAfterTheTimeout() {
    var machine = Self.machine(idle: .seconds(10))
    let timers = machine.start(now: Self.start)
    #expect(timers.idle == Self.at(seconds: 10))
    let idle = machine.idleTimerFired(now: Self.at(seconds: 10))
    #expect(idle == .shutDown)
  }

  @Test func callsPostponeTheIdleTimeoutWithoutReschedulingPerCall() {
    var machine = Self.machine(idle: .seconds(10))
    _ = machine.start(now: Self.start)
    // Calls open and close while the first timer is pending: nothing new is armed.
    for second in Int64(1)...5 {
      machine.streamOpened()
      let idleTimer = machine.streamClosed(now: Self.at(seconds: second))
      #expect(idleTimer == nil)
    }
    // It fires 5 s into the idle period that began at 5 s: re-armed for 15 s.
    let early = machine.idleTimerFired(now: Self.at(seconds: 10))
    #expect(early == .rearm(Self.at(seconds: 15)))
    let due = machine.idleTimerFired(now: Self.at(seconds: 15))
    #expect(due == .shutDown)
  }

  @Test func anOpenCallKeepsTheConnectionBusy() {
    var machine = Self.machine(idle: .seconds(10))
    _ = machine.start(now: Self.start)
    machine.streamOpened()
    machine.streamOpened()
    let busy = machine.idleTimerFired(now: Self.at(seconds: 10))
    #expect(busy == .none)
    let oneLeft = machine.streamClosed(now: Self.at(seconds: 20))
    #expect(oneLeft == nil)
    // The last call closes: the timer (disarmed when it found calls) is armed again.
    let lastClosed = machine.streamClosed(now: Self.at(seconds: 30))
    #expect(lastClosed == Self.at(seconds: 40))
    let idle = machine.idleTimerFired(now: Self.at(seconds: 40))
    #expect(idle == .shutDown)
  }

  @Test func silenceSendsAKeepalivePingAndNoAnswerCloses() {
    var machine = Self.machine(keepalive: .seconds(60), timeout: .seconds(5))
    let timers = machine.start(now: Self.start)
    #expect(timers.keepalive == Self.at(seconds: 60))
    let silence = machine.keepaliveTimerFired(now: Self.at(seconds: 60))
    #expect(silence == .sendPing(timeoutAt: Self.at(seconds: 65)))
    let noAnswer = machine.keepaliveTimerFired(now: Self.at(seconds: 65))
    #expect(noAnswer == .close)
  }

  @Test func trafficPostponesTheKeepalivePing() {
    var machine = Self.machine(keepalive: .seconds(60), timeout: .seconds(5))
    _ = machine.start(now: Self.start)
    machine.bytesReceived(now: Self.at(seconds: 30))
    let action = machine.keepaliveTimerFired(now: Self.at(seconds: 60))
    #expect(action == .rearm(Self.at(seconds: 90)))
  }

  @Test func anAnsweredPingOrAnyBytesKeepTheConnection() {
    var machine = Self.machine(keepalive: .seconds(60), timeout: .seconds(5))
    _ = machine.start(now: Self.start)
    _ = machine.keepaliveTimerFired(now: Self.at(seconds: 60))
    machine.bytesReceived(now: Self.at(seconds: 61))
    machine.keepalivePingAcknowledged()
    let acknowledged = machine.keepaliveTimerFired(now: Self.at(seconds: 65))
    #expect(acknowledged == .rearm(Self.at(seconds: 121)))
    // Bytes without the acknowledgement prove liveness too.
    _ = machine.keepaliveTimerFired(now: Self.at(seconds: 121))
    machine.bytesReceived(now: Self.at(seconds: 122))
    let bytes = machine.keepaliveTimerFired(now: Self.at(seconds: 126))
    #expect(bytes == .rearm(Self.at(seconds: 182)))
  }

  /// Feeds PINGs `interval` apart (`framesSent` unchanged) and returns the verdicts.
  static func pings(
    _ machine: inout Machine, count: Int, interval: TimeAmount, from: NIODeadline = start
  ) -> [Bool] {
    (0..<count).map { index in
      machine.pingReceived(now: from + interval * Int64(index), framesSent: 0)
    }
  }

  @Test func pingsWithoutCallsFasterThanTwoHoursStrikeOut() {
    var machine = Self.machine()
    let verdicts = Self.pings(&machine, count: 4, interval: .minutes(30))
    #expect(verdicts == [false, false, false, true])
  }

  @Test func pingsDuringCallsAreFineAtTheMinimumInterval() {
    var machine = Self.machine()
    machine.streamOpened()
    let spaced = Self.pings(&machine, count: 10, interval: .minutes(5))
    #expect(!spaced.contains(true))
    // Then one a second (the first still 5 minutes after the last): the third strike is
    // one too many.
    let rapid = Self.pings(
      &machine, count: 4, interval: .seconds(1), from: Self.start + .minutes(50))
    #expect(rapid == [false, false, false, true])
  }

  @Test func permitWithoutCallsUsesTheMinimumIntervalWhenIdle() {
    var machine = Self.machine(permitWithoutCalls: true)
    let verdicts = Self.pings(&machine, count: 10, interval: .minutes(5))
    #expect(!verdicts.contains(true))
  }

  @Test func responsesClearTheStrikes() {
    var machine = Self.machine()
    // A PING before every response (as BDP-probing clients do): never too many.
    let verdicts = (0..<20).map { index in
      machine.pingReceived(
        now: Self.start + .milliseconds(Int64(10 * index)), framesSent: UInt64(2 * index))
    }
    #expect(!verdicts.contains(true))
  }

  @Test func zeroStrikesAllowsNoEarlyPing() {
    var machine = Self.machine(strikes: 0)
    let verdicts = Self.pings(&machine, count: 2, interval: .seconds(1))
    #expect(verdicts == [false, true])
  }
}
