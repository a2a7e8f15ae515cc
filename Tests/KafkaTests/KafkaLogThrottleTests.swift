import SluiceKafka
import Testing

@Suite("KafkaLogThrottle")
struct KafkaLogThrottleTests {
  let start = ContinuousClock.now

  func fail(_ message: String) -> KafkaProducerEvent {
    .log(level: 3, facility: "FAIL", message: message)
  }

  @Test("repeats of one facility pass once per interval, then say how many were held back")
  func repeatsAreHeldBack() {
    var throttle = KafkaLogThrottle(interval: .seconds(30))
    #expect(throttle.line(for: fail("connect failed (1)"), at: start) == "librdkafka[3] FAIL: connect failed (1)")
    #expect(throttle.line(for: fail("connect failed (2)"), at: start + .seconds(1)) == nil)
    #expect(throttle.line(for: fail("connect failed (3)"), at: start + .seconds(29)) == nil)
    #expect(
      throttle.line(for: fail("connect failed (4)"), at: start + .seconds(30))
        == "librdkafka[3] FAIL: connect failed (4) (2 more FAIL lines held back since the last)")
    #expect(throttle.line(for: fail("connect failed (5)"), at: start + .seconds(31)) == nil)
    #expect(
      throttle.line(for: fail("connect failed (6)"), at: start + .seconds(61))
        == "librdkafka[3] FAIL: connect failed (6) (1 more FAIL line held back since the last)")
  }

  @Test("other facilities and levels have windows of their own")
  func windowsPerFacilityAndLevel() {
    var throttle = KafkaLogThrottle(interval: .seconds(30))
    #expect(throttle.line(for: fail("a"), at: start) != nil)
    #expect(throttle.line(for: .log(level: 3, facility: "ERROR", message: "b"), at: start) != nil)
    #expect(throttle.line(for: .log(level: 4, facility: "FAIL", message: "c"), at: start) != nil)
    #expect(throttle.line(for: fail("d"), at: start) == nil)
  }

  @Test("health changes and handle replacements always pass")
  func lifecycleEventsAlwaysPass() {
    var throttle = KafkaLogThrottle(interval: .seconds(30))
    for _ in 0..<3 {
      #expect(throttle.line(for: .healthChanged(.down(reason: "refused")), at: start) != nil)
      #expect(throttle.line(for: .handleReplaced(reason: "stuck"), at: start) == "Kafka producer restarted: stuck")
    }
  }

  @Test("a quiet facility passes its next line at once, with nothing held back")
  func quietFacility() {
    var throttle = KafkaLogThrottle(interval: .seconds(30))
    #expect(throttle.line(for: fail("a"), at: start) != nil)
    #expect(throttle.line(for: fail("b"), at: start + .seconds(45)) == "librdkafka[3] FAIL: b")
  }
}
