@testable import SluiceKafka
import Testing

@Suite("HealthMachine")
struct HealthMachineTests {
  let start = ContinuousClock.now

  func machine() -> HealthMachine {
    HealthMachine(now: start, probeInterval: .milliseconds(500), stallTimeout: .seconds(10))
  }

  @Test("the first tick probes; a reachable broker makes the health up")
  func startUp() {
    var health = machine()
    #expect(health.health == .connecting)
    let result1 = health.tick(now: start, outstanding: 0)
    #expect(result1 == .probe)
    let result2 = health.tick(now: start, outstanding: 0)
    #expect(result2 == nil)
    let result3 = health.probeFinished(reachable: true, reason: "", now: start)
    #expect(result3 == nil)
    #expect(health.health == .up)
  }

  @Test("brokers down: checking, then down after a failed probe, probes repeat, recovery replaces the handle")
  func outage() {
    var health = machine()
    _ = health.tick(now: start, outstanding: 0)
    _ = health.probeFinished(reachable: true, reason: "", now: start)
    let result4 = health.brokersDown(reason: "1/1 brokers are down", now: start)
    #expect(result4)
    #expect(health.health == .checking(reason: "1/1 brokers are down"))
    let result5 = health.brokersDown(reason: "again", now: start)
    #expect(!result5)
    let result6 = health.tick(now: start, outstanding: 3)
    #expect(result6 == .probe)
    let result7 = health.probeFinished(reachable: false, reason: "refused", now: start)
    #expect(result7 == nil)
    #expect(health.health == .down(reason: "refused"))
    #expect(!health.health.acceptsEvents)
    let result8 = health.tick(now: start + .milliseconds(100), outstanding: 3)
    #expect(result8 == nil)
    #expect(health.nextWake(now: start + .milliseconds(100)) == start + .milliseconds(500))
    let result9 = health.tick(now: start + .milliseconds(500), outstanding: 3)
    #expect(result9 == .probe)
    let result10 = health.probeFinished(reachable: true, reason: "", now: start + .seconds(1))
    #expect(
      result10
        == .replaceHandle(reason: "a broker answers again after an outage"))
    #expect(health.health == .up)
  }

  @Test("a closed connection that a probe finds fine changes nothing")
  func idleDisconnect() {
    var health = machine()
    _ = health.tick(now: start, outstanding: 0)
    _ = health.probeFinished(reachable: true, reason: "", now: start)
    _ = health.brokersDown(reason: "idle", now: start)
    let result11 = health.tick(now: start, outstanding: 0)
    #expect(result11 == .probe)
    let result12 = health.probeFinished(reachable: true, reason: "", now: start)
    #expect(result12 == nil)
    #expect(health.health == .up)
  }

  @Test("a delivery proves the broker is there")
  func deliveryRecovers() {
    var health = machine()
    _ = health.tick(now: start, outstanding: 0)
    _ = health.probeFinished(reachable: false, reason: "refused", now: start)
    health.delivered(now: start + .seconds(1))
    #expect(health.health == .up)
    let result13 = health.tick(now: start + .seconds(2), outstanding: 0)
    #expect(result13 == nil)
  }

  @Test("events outstanding without acknowledgement for the stall timeout replace the handle")
  func stall() {
    var health = machine()
    _ = health.tick(now: start, outstanding: 0)
    _ = health.probeFinished(reachable: true, reason: "", now: start)
    let result14 = health.tick(now: start + .seconds(1), outstanding: 5)
    #expect(result14 == nil)
    health.delivered(now: start + .seconds(5))
    let result15 = health.tick(now: start + .seconds(14), outstanding: 5)
    #expect(result15 == nil)
    guard case .replaceHandle? = health.tick(now: start + .seconds(15), outstanding: 5) else {
      Issue.record("expected a replacement")
      return
    }
    let result16 = health.tick(now: start + .seconds(16), outstanding: 5)
    #expect(result16 == nil)
    let result17 = health.tick(now: start + .seconds(30), outstanding: 0)
    #expect(result17 == nil)
    let result18 = health.tick(now: start + .seconds(35), outstanding: 1)
    #expect(result18 == nil)
  }

  @Test("a fatal error replaces the handle at the next tick")
  func fatal() {
    var health = machine()
    _ = health.tick(now: start, outstanding: 0)
    _ = health.probeFinished(reachable: true, reason: "", now: start)
    health.fatalError(reason: "out of order sequence")
    let result19 = health.tick(now: start, outstanding: 0)
    #expect(
      result19
        == .replaceHandle(reason: "fatal librdkafka error: out of order sequence"))
    let result20 = health.tick(now: start, outstanding: 0)
    #expect(result20 == nil)
  }
}
