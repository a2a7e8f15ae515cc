import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("WriterPool")
struct WriterPoolTests {
  static func prepare(_ label: String) async throws -> MariaDBConfiguration {
    let database = try await TestDatabase.fresh(label)
    try await withConnection(database) { try $0.executeUnprepared(EventWriter.createTable) }
    return database
  }

  static func pool(
    _ database: MariaDBConfiguration, gate: Gate? = nil, observer: RecordingObserver? = nil,
    _ configure: (inout WriterPoolConfiguration) -> Void = { _ in }
  ) -> WriterPool<EventWriter> {
    var configuration = WriterPoolConfiguration(sizing: PoolSizeController.Configuration(minimum: 2, maximum: 2))
    configure(&configuration)
    let pool = WriterPool(
      database: database, configuration: configuration, writer: EventWriter(gate: gate), observer: observer)
    pool.start()
    return pool
  }

  @Test("concurrent submissions commit in groups, every row once")
  func groupCommit() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let observer = RecordingObserver()
    let pool = Self.pool(database, observer: observer)
    let outcomes = try await withThrowingTaskGroup(of: [Bool].self) { group in
      for job in 0..<300 {
        group.addTask {
          try await pool.submit((0..<4).map { TestEvent(stream: "s\(job % 3)", id: "\(job)-\($0)") })
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.count == 300)
    #expect(outcomes.allSatisfy { $0 == [true, true, true, true] })
    #expect(try await eventCount(database) == 1_200)
    #expect(observer.batches.reduce(0, +) == 300)
    #expect(observer.batches.max()! > 1, "jobs should share commits: \(observer.batches)")

    // The same events again are all duplicates; a mix reports each row.
    let again = try await pool.submit([TestEvent(stream: "s0", id: "0-0"), TestEvent(stream: "s9", id: "new")])
    #expect(again == [false, true])
    await pool.shutdown()
  }

  @Test("a full queue refuses at once; queued jobs still commit")
  func queueFull() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let gate = Gate()
    let pool = Self.pool(database, gate: gate) {
      $0.maximumQueuedJobs = 3
      $0.sizing = PoolSizeController.Configuration(minimum: 1, maximum: 1)
    }
    let first = Task { try await pool.submit([TestEvent(stream: "q", id: "first")]) }
    #expect(await eventually { gate.arrived == 1 })
    let queued = (0..<3).map { index in
      Task { try await pool.submit([TestEvent(stream: "q", id: "queued-\(index)")]) }
    }
    #expect(await eventually { pool.statistics.queuedJobs == 3 })
    let started = ContinuousClock.now
    let refusal = await #expect(throws: MariaDBPoolError.self) {
      try await pool.submit([TestEvent(stream: "q", id: "refused")])
    }
    #expect(refusal?.kind == .queueFull)
    #expect(started.duration(to: .now) < .seconds(30))  // not stuck behind the gate
    gate.open()
    #expect(try await first.value == [true])
    for task in queued { #expect(try await task.value == [true]) }
    #expect(try await eventCount(database) == 4)
    await pool.shutdown()
  }

  @Test("one bad job in a batch fails alone")
  func isolation() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let gate = Gate()
    let observer = RecordingObserver()
    let pool = Self.pool(database, gate: gate, observer: observer) {
      $0.sizing = PoolSizeController.Configuration(minimum: 1, maximum: 1)
    }
    let first = Task { try await pool.submit([TestEvent(stream: "i", id: "0")]) }
    #expect(await eventually { gate.arrived == 1 })
    let good1 = Task { try await pool.submit([TestEvent(stream: "i", id: "1")]) }
    #expect(await eventually { pool.statistics.queuedJobs == 1 })
    let bad = Task { try await pool.submit([TestEvent(stream: "i", id: "2"), TestEvent(stream: "i", id: "")]) }
    #expect(await eventually { pool.statistics.queuedJobs == 2 })
    let good2 = Task { try await pool.submit([TestEvent(stream: "i", id: "3")]) }
    #expect(await eventually { pool.statistics.queuedJobs == 3 })
    gate.open()
    #expect(try await first.value == [true])
    #expect(try await good1.value == [true])
    #expect(try await good2.value == [true])
    let failure = await #expect(throws: MariaDBPoolError.self) { try await bad.value }
    #expect(failure?.kind == .failed)
    #expect((failure?.underlying as? MariaDBError)?.code == 1048)
    #expect(try await eventCount(database) == 3)
    #expect(observer.batches.contains(1))
    await pool.shutdown()
  }

  @Test("a job whose deadline passes while queued fails, and is not reported committed")
  func deadline() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let gate = Gate()
    let pool = Self.pool(database, gate: gate) { $0.sizing = PoolSizeController.Configuration(minimum: 1, maximum: 1) }
    let first = Task { try await pool.submit([TestEvent(stream: "d", id: "0")]) }
    #expect(await eventually { gate.arrived == 1 })
    let started = ContinuousClock.now
    let late = await #expect(throws: MariaDBPoolError.self) {
      try await pool.submit([TestEvent(stream: "d", id: "late")], deadline: .now + .milliseconds(300))
    }
    #expect(late?.kind == .deadlineExceeded)
    #expect(started.duration(to: .now) < .seconds(30))

    let waiting = Task { try await pool.submit([TestEvent(stream: "d", id: "cancelled")]) }
    #expect(await eventually { pool.statistics.queuedJobs == 1 })
    waiting.cancel()
    let cancelled = await #expect(throws: MariaDBPoolError.self) { try await waiting.value }
    #expect(cancelled?.kind == .cancelled)
    gate.open()
    #expect(try await first.value == [true])
    await pool.shutdown()
    #expect(try await eventCount(database) == 1)
  }

  @Test("shutdown drains the queue, then refuses")
  func shutdown() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let gate = Gate()
    let pool = Self.pool(database, gate: gate) { $0.sizing = PoolSizeController.Configuration(minimum: 1, maximum: 1) }
    let first = Task { try await pool.submit([TestEvent(stream: "z", id: "first")]) }
    #expect(await eventually { gate.arrived == 1 })
    let rest = (0..<4).map { index in Task { try await pool.submit([TestEvent(stream: "z", id: "\(index)")]) } }
    let jobs = [first] + rest
    #expect(await eventually { pool.statistics.queuedJobs == 4 })
    let stopping = Task { await pool.shutdown(gracePeriod: .seconds(10)) }
    try await Task.sleep(for: .milliseconds(50))
    let refused = await #expect(throws: MariaDBPoolError.self) {
      try await pool.submit([TestEvent(stream: "z", id: "late")])
    }
    #expect(refused?.kind == .shutDown)
    gate.open()
    for job in jobs { #expect(try await job.value == [true]) }
    await stopping.value
    #expect(pool.statistics.workers == 0)
    #expect(try await eventCount(database) == 5)
  }

  @Test("with the database unreachable, submissions fail with unavailable")
  func unavailable() async throws {
    let database = MariaDBConfiguration(endpoints: [.unixSocket(path: "/nonexistent/mariadbd.sock")], user: "root")
    let pool = Self.pool(database)
    let started = ContinuousClock.now
    let error = await #expect(throws: MariaDBPoolError.self) {
      try await pool.submit([TestEvent(stream: "u", id: "1")], deadline: .now + .seconds(5))
    }
    #expect(error?.kind == .unavailable)
    #expect(error?.underlying is MariaDBError)
    #expect(started.duration(to: .now) < .seconds(60))  // generous: 2 shared cores
    #expect(await eventually { !pool.statistics.isAvailable })
    let fast = await #expect(throws: MariaDBPoolError.self) { try await pool.submit([TestEvent(stream: "u", id: "2")]) }
    #expect(fast?.kind == .unavailable)
    await pool.shutdown(gracePeriod: .milliseconds(100))
  }

  @Test("the pool grows under a backlog and shrinks when idle")
  func resizing() async throws {
    let database = try await Self.prepare("wp")
    defer { Task { await TestDatabase.drop(database) } }
    let observer = RecordingObserver()
    let gate = Gate()
    let pool = Self.pool(database, gate: gate, observer: observer) {
      $0.maximumBatchJobs = 1
      $0.sizing = PoolSizeController.Configuration(
        minimum: 1, maximum: 3, growAfter: .milliseconds(30), cooldown: .milliseconds(60),
        shrinkAfter: .milliseconds(300))
      $0.maintenanceInterval = .milliseconds(10)
    }
    // Held at the gate, every worker stays busy and the queue stays full: a backlog.
    let jobs = (0..<50).map { index in Task { try await pool.submit([TestEvent(stream: "r", id: "\(index)")]) } }
    #expect(await eventually { pool.statistics.workers == 3 && gate.arrived == 3 })
    #expect(pool.statistics.workers == 3)
    gate.open()
    for job in jobs { #expect(try await job.value == [true]) }
    #expect(observer.sizes.max() == 3, "sizes: \(observer.sizes)")
    #expect(await eventually { pool.statistics.workers == 1 })
    #expect(observer.sizes.last == 1)
    #expect(try await eventCount(database) == 50)
    await pool.shutdown()
  }
}
