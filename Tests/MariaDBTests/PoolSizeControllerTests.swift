import SluiceMariaDB
import Testing

@Suite("PoolSizeController")
struct PoolSizeControllerTests {
  let start = ContinuousClock.now
  let configuration = PoolSizeController.Configuration(
    minimum: 1, maximum: 3, growthBacklog: 2, growAfter: .milliseconds(200), cooldown: .seconds(1),
    shrinkAfter: .seconds(10), latencyCeiling: .milliseconds(500))

  func sample(
    at offset: Duration, size: Int, busy: Int, queued: Int, available: Bool = true
  ) -> PoolSizeController.Sample {
    PoolSizeController.Sample(
      now: start + offset, poolSize: size, busyWorkers: busy, queueDepth: queued, available: available)
  }

  @Test("below the minimum it grows, above the maximum it shrinks, at once")
  func bounds() {
    var controller = PoolSizeController(configuration)
    #expect(controller.decide(sample(at: .zero, size: 0, busy: 0, queued: 0)) == .grow)
    #expect(controller.decide(sample(at: .zero, size: 4, busy: 0, queued: 0)) == .shrink)
    #expect(controller.decide(sample(at: .zero, size: 0, busy: 0, queued: 0, available: false)) == .grow)
  }

  @Test("a backlog that lasts grows the pool by one, then waits out the cooldown")
  func growth() {
    var controller = PoolSizeController(configuration)
    #expect(controller.decide(sample(at: .zero, size: 1, busy: 1, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(100), size: 1, busy: 1, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(200), size: 1, busy: 1, queued: 5)) == .grow)
    // Backlog persists, but the cooldown holds the next growth back.
    #expect(controller.decide(sample(at: .milliseconds(500), size: 2, busy: 2, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(1100), size: 2, busy: 2, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(1300), size: 2, busy: 2, queued: 5)) == .grow)
    // At the maximum: no further growth.
    #expect(controller.decide(sample(at: .seconds(5), size: 3, busy: 3, queued: 50)) == .hold)
    #expect(controller.decide(sample(at: .seconds(6), size: 3, busy: 3, queued: 50)) == .hold)
  }

  @Test("an interrupted backlog starts over; a small queue or idle workers are no backlog")
  func noBacklog() {
    var controller = PoolSizeController(configuration)
    #expect(controller.decide(sample(at: .zero, size: 1, busy: 1, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(150), size: 1, busy: 1, queued: 0)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(250), size: 1, busy: 1, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(400), size: 1, busy: 1, queued: 5)) == .hold)
    #expect(controller.decide(sample(at: .milliseconds(450), size: 1, busy: 1, queued: 5)) == .grow)

    var quiet = PoolSizeController(configuration)
    for step in 0..<20 {
      #expect(quiet.decide(sample(at: .milliseconds(100 * step), size: 2, busy: 1, queued: 5)) == .hold)
      #expect(quiet.decide(sample(at: .milliseconds(100 * step + 50), size: 2, busy: 2, queued: 1)) == .hold)
    }
  }

  @Test("idleness that lasts shrinks the pool one worker at a time, down to the minimum")
  func shrinking() {
    var controller = PoolSizeController(configuration)
    #expect(controller.decide(sample(at: .zero, size: 3, busy: 0, queued: 0)) == .hold)
    #expect(controller.decide(sample(at: .seconds(9), size: 3, busy: 0, queued: 0)) == .hold)
    #expect(controller.decide(sample(at: .seconds(10), size: 3, busy: 0, queued: 0)) == .shrink)
    #expect(controller.decide(sample(at: .seconds(11), size: 2, busy: 0, queued: 0)) == .hold)
    #expect(controller.decide(sample(at: .seconds(21), size: 2, busy: 0, queued: 0)) == .shrink)
    #expect(controller.decide(sample(at: .seconds(40), size: 1, busy: 0, queued: 0)) == .hold)
  }

  @Test("commit latency above the ceiling blocks growth and sheds workers")
  func overload() {
    var controller = PoolSizeController(configuration)
    controller.recordCommit(latency: .seconds(2))
    #expect(controller.averageCommitLatency == .seconds(2))
    #expect(controller.decide(sample(at: .zero, size: 3, busy: 3, queued: 100)) == .shrink)
    #expect(controller.decide(sample(at: .milliseconds(500), size: 2, busy: 2, queued: 100)) == .hold)
    #expect(controller.decide(sample(at: .seconds(2), size: 2, busy: 2, queued: 100)) == .shrink)
    #expect(controller.decide(sample(at: .seconds(4), size: 1, busy: 1, queued: 100)) == .hold)
    // Fast commits bring the average down; the backlog (seen since 4 s) grows the pool again.
    for _ in 0..<30 { controller.recordCommit(latency: .milliseconds(10)) }
    #expect(controller.averageCommitLatency! < .milliseconds(500))
    #expect(controller.decide(sample(at: .seconds(5), size: 1, busy: 1, queued: 100)) == .grow)
    #expect(controller.decide(sample(at: .milliseconds(5500), size: 2, busy: 2, queued: 100)) == .hold)
  }

  @Test("while the database is unavailable the pool holds")
  func unavailable() {
    var controller = PoolSizeController(configuration)
    #expect(controller.decide(sample(at: .zero, size: 1, busy: 1, queued: 9, available: false)) == .hold)
    #expect(controller.decide(sample(at: .seconds(1), size: 1, busy: 1, queued: 9, available: false)) == .hold)
    #expect(controller.decide(sample(at: .seconds(60), size: 3, busy: 0, queued: 0, available: false)) == .hold)
  }
}

@Suite("Backoff")
struct BackoffTests {
  @Test("delays double up to the maximum and jitter only shortens them")
  func delays() {
    var backoff = Backoff(Backoff.Configuration(initial: .milliseconds(100), maximum: .seconds(1), jitter: 0))
    let delays = (0..<6).map { _ in backoff.nextDelay() }
    let expected: [Duration] = [
      .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1),
    ]
    #expect(delays == expected)
    #expect(backoff.failures == 6)
    backoff.reset()
    #expect(backoff.nextDelay() == .milliseconds(100))

    var jittered = Backoff(Backoff.Configuration(initial: .milliseconds(100), maximum: .seconds(1), jitter: 0.5))
    for attempt in 0..<200 {
      let delay = jittered.nextDelay()
      let ceiling = min(Duration.milliseconds(100) * (1 << min(attempt, 20)), .seconds(1))
      #expect(delay <= ceiling && delay > ceiling / 2 - .milliseconds(1))
    }
  }
}
