import SluiceIngest
import Testing

@Suite("TailHorizon")
struct TailHorizonTests {
  let start = ContinuousClock.now

  @Test func settlesOnlyAfterTheSettleTime() {
    var horizon = TailHorizon(settleTime: .seconds(2), settledSequence: 10)
    horizon.observe(highestVisible: 50, at: start)
    #expect(horizon.settled(at: start + .seconds(1)) == 10)
    #expect(horizon.nextSettlement == start + .seconds(2))
    #expect(horizon.settled(at: start + .seconds(2)) == 50)
    #expect(horizon.nextSettlement == nil)
  }

  @Test func settlesObservationsInOrder() {
    var horizon = TailHorizon(settleTime: .seconds(2), settledSequence: 0)
    horizon.observe(highestVisible: 5, at: start)
    horizon.observe(highestVisible: 9, at: start + .seconds(1))
    horizon.observe(highestVisible: 20, at: start + .seconds(3))
    #expect(horizon.settled(at: start + .milliseconds(3_500)) == 9)
    #expect(horizon.nextSettlement == start + .seconds(5))
    #expect(horizon.settled(at: start + .seconds(10)) == 20)
  }

  @Test func ignoresObservationsThatAddNothing() {
    var horizon = TailHorizon(settleTime: .seconds(1), settledSequence: 30)
    horizon.observe(highestVisible: 30, at: start)
    horizon.observe(highestVisible: 12, at: start)
    #expect(horizon.nextSettlement == nil)
    horizon.observe(highestVisible: 31, at: start)
    horizon.observe(highestVisible: 31, at: start + .milliseconds(500))
    #expect(horizon.settled(at: start + .seconds(1)) == 31)
    #expect(horizon.nextSettlement == nil)
  }
}
