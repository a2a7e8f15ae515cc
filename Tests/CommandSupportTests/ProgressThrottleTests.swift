import SluiceCommandSupport
import Testing

@Suite("ProgressThrottle")
struct ProgressThrottleTests {
  let start = ContinuousClock.now

  @Test func liveLinesRedrawAtMostTenTimesASecond() {
    var throttle = ProgressThrottle(mode: .live, start: start)
    #expect(throttle.update("a", at: start) == "\r\u{1B}[Ka")
    #expect(throttle.update("b", at: start + .milliseconds(50)) == nil)
    #expect(throttle.update("c", at: start + .milliseconds(100)) == "\r\u{1B}[Kc")
    #expect(throttle.interrupt() == "\r\u{1B}[K")
    // After a message the line comes back at once.
    #expect(throttle.update("d", at: start + .milliseconds(120)) == "\r\u{1B}[Kd")
    #expect(throttle.finish("e") == "\r\u{1B}[Ke\n")
    #expect(throttle.interrupt() == "")
  }

  @Test func periodicLinesArePlain() {
    var throttle = ProgressThrottle(mode: .periodic(.seconds(5)), start: start)
    #expect(throttle.update("a", at: start + .seconds(1)) == nil)
    #expect(throttle.interrupt() == "")
    #expect(throttle.finish("short run") == "")
    #expect(throttle.update("b", at: start + .seconds(5)) == "b\n")
    #expect(throttle.update("c", at: start + .seconds(9)) == nil)
    #expect(throttle.interrupt() == "")
    #expect(throttle.finish("d") == "d\n")
  }

  @Test func offSaysNothing() {
    var throttle = ProgressThrottle(mode: .off, start: start)
    #expect(throttle.update("a", at: start + .seconds(60)) == nil)
    #expect(throttle.interrupt() == "")
    #expect(throttle.finish("b") == "")
  }
}
