import SluiceIngest
import Testing

@Suite("TailHorizon")
struct TailHorizonTests {
  func poll(_ sequence: Int64, open: [StoreTransaction] = []) -> StoreVisibility {
    StoreVisibility(highestSequence: sequence, openTransactions: Set(open))
  }

  let a = StoreTransaction(writer: 7, number: 1)
  let b = StoreTransaction(writer: 8, number: 4)
  let c = StoreTransaction(writer: 7, number: 2)

  @Test func withNoOpenTransactionEverythingVisibleIsSettled() {
    var horizon = TailHorizon(settledSequence: 10)
    #expect(horizon.observe(poll(50)) == 50)
    #expect(horizon.pendingCount == 0)
  }

  @Test func anObservationWaitsForEveryTransactionOpenAtItsPoll() {
    var horizon = TailHorizon()
    // a and b may hold numbers below 50: wait for both.
    #expect(horizon.observe(poll(50, open: [a, b])) == 0)
    // a ended; c began after the first poll, but the second observation waits for it.
    #expect(horizon.observe(poll(80, open: [b, c])) == 0)
    #expect(horizon.pendingCount == 2)
    // b ended: the first observation settles, the second still waits for c.
    #expect(horizon.observe(poll(80, open: [c])) == 50)
    #expect(horizon.pendingCount == 1)
    #expect(horizon.observe(poll(90)) == 90)
    #expect(horizon.pendingCount == 0)
  }

  @Test func aTransactionSeenEndedNeverHoldsBackAgain() {
    var horizon = TailHorizon()
    #expect(horizon.observe(poll(5, open: [a, b])) == 0)
    #expect(horizon.observe(poll(5, open: [b])) == 0)
    // a's name shows up again (its writer rolled back and reused it): a ended long ago.
    #expect(horizon.observe(poll(5, open: [a])) == 5)
  }

  @Test func observationsThatAddNothingAreIgnored() {
    var horizon = TailHorizon(settledSequence: 30)
    #expect(horizon.observe(poll(12, open: [a])) == 30)
    #expect(horizon.pendingCount == 0)
  }
}
