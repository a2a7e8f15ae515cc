import Foundation
import SluiceMariaDB
import SluiceTestSupport
import Testing

/// Kills the server process under a writing pool and restarts it on the same data folder.
@Suite("Fault tests")
struct FaultTests {
  /// What the submitters saw.
  final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: Set<String> = []
    private var failures: [MariaDBPoolError.Kind: Int] = [:]
    private var lateFailures: [Duration] = []
    private var successAfter: [ContinuousClock.Instant] = []

    func succeeded(_ id: String, at instant: ContinuousClock.Instant) {
      lock.withLock {
        acknowledged.insert(id)
        successAfter.append(instant)
      }
    }
    func failed(_ kind: MariaDBPoolError.Kind, overDeadline: Duration) {
      lock.withLock {
        failures[kind, default: 0] += 1
        if overDeadline > .seconds(10) { lateFailures.append(overDeadline) }
      }
    }
    var ids: Set<String> { lock.withLock { acknowledged } }
    var failureCounts: [MariaDBPoolError.Kind: Int] { lock.withLock { failures } }
    var late: [Duration] { lock.withLock { lateFailures } }
    func successes(after instant: ContinuousClock.Instant) -> Int {
      lock.withLock { successAfter.filter { $0 > instant }.count }
    }
  }

  @Test("kill -9 mid-write: calls fail in time, nothing unacknowledged is accepted, writing resumes after restart")
  func killAndRestart() async throws {
    try await PrivateMariaDB.with { server in
      let database = try MariaDBConfiguration(url: server.url + "?connect_timeout=2&read_timeout=5&write_timeout=5")
      try await withConnection(database) { try $0.executeUnprepared(EventWriter.createTable) }

      let observer = RecordingObserver()
      let pool = WriterPool(
        database: database,
        configuration: WriterPoolConfiguration(
          maximumBatchJobs: 50, defaultTimeout: .seconds(2),
          backoff: Backoff.Configuration(initial: .milliseconds(20), maximum: .milliseconds(300)),
          sizing: PoolSizeController.Configuration(minimum: 2, maximum: 2)),
        writer: EventWriter(), observer: observer)
      pool.start()

      let ledger = Ledger()
      let stop = ManagedAtomicFlag()
      let submitters = Task {
        await withTaskGroup(of: Void.self) { group in
          for submitter in 0..<6 {
            group.addTask {
              var sequence = 0
              while !stop.isSet {
                sequence += 1
                let id = "\(submitter)-\(sequence)"
                let deadline = ContinuousClock.now + .seconds(2)
                do {
                  _ = try await pool.submit([TestEvent(stream: "f", id: id)], deadline: deadline)
                  ledger.succeeded(id, at: .now)
                } catch {
                  ledger.failed((error as? MariaDBPoolError)?.kind ?? .failed, overDeadline: deadline.duration(to: .now))
                  try? await Task.sleep(for: .milliseconds(20))
                }
              }
            }
          }
        }
      }

      #expect(await eventually { ledger.ids.count >= 200 })
      try await server.kill()
      let killed = ContinuousClock.now
      #expect(await eventually { ledger.failureCounts[.unavailable, default: 0] >= 10 })
      try await Task.sleep(for: .milliseconds(500))
      try await server.restart()
      let restarted = ContinuousClock.now
      #expect(await eventually(timeout: .seconds(15)) { ledger.successes(after: restarted) >= 100 })
      stop.set()
      await submitters.value
      await pool.shutdown()

      // Every acknowledged event is stored; failures came within their deadline (+0.5 s).
      let stored = try await withConnection(database) { connection in
        Set(try connection.execute("SELECT id FROM events").rows.compactMap { $0[0].string })
      }
      let missing = ledger.ids.subtracting(stored)
      #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted().prefix(10))")
      #expect(ledger.late.isEmpty, "failures past their deadline by: \(ledger.late.prefix(5))")
      #expect(ledger.failureCounts[.unavailable, default: 0] > 0)
      #expect(observer.reconnections >= 1)
      #expect(observer.connectionsLost >= 1)
      #expect(killed < restarted)
    }
  }

  @Test("with a host list, writing fails over to the next host when the first dies")
  func failover() async throws {
    try await PrivateMariaDB.with { first in
      let name = "failover_\(UInt32.random(in: 0 ... .max))"
      let firstDatabase = try MariaDBConfiguration(url: first.url)
      try await withConnection(firstDatabase) { try $0.executeUnprepared("CREATE DATABASE \(name)") }
      let shared = try await TestDatabase.server()
      var secondDatabase = shared.database
      secondDatabase.database = name
      try await withConnection(shared.database) { try $0.executeUnprepared("CREATE DATABASE \(name)") }
      let cleanup = secondDatabase
      defer { Task { await TestDatabase.drop(cleanup) } }

      var database = firstDatabase
      database.database = name
      database.endpoints = firstDatabase.endpoints + shared.database.endpoints
      for single in [firstDatabase.endpoints, shared.database.endpoints] {
        var one = database
        one.endpoints = single
        try await withConnection(one) { try $0.executeUnprepared(EventWriter.createTable) }
      }

      let pool = WriterPool(
        database: database,
        configuration: WriterPoolConfiguration(
          defaultTimeout: .seconds(5),
          backoff: Backoff.Configuration(initial: .milliseconds(20), maximum: .milliseconds(200)),
          sizing: PoolSizeController.Configuration(minimum: 2, maximum: 2)),
        writer: EventWriter())
      pool.start()
      for index in 0..<20 { _ = try await pool.submit([TestEvent(stream: "a", id: "\(index)")]) }
      try await first.kill()
      // Jobs caught by the kill are retried on the next host; none fails.
      for index in 0..<20 { _ = try await pool.submit([TestEvent(stream: "b", id: "\(index)")]) }
      await pool.shutdown()

      var second = database
      second.endpoints = shared.database.endpoints
      let moved = try await withConnection(second) { connection in
        try connection.execute("SELECT COUNT(*) FROM events WHERE stream = 'b'").rows.first?[0]
      }
      #expect(moved == .int(20))
    }
  }
}

/// A flag one task sets and others read.
final class ManagedAtomicFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
