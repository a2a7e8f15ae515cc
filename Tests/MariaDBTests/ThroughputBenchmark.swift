import Foundation
import SluiceMariaDB
import SluiceTestSupport
import Testing

/// Throughput of the writer pool against the tests' MariaDB, for comparison with the
/// figures in the issue (about 150k rows/s with 4 connections of 1,000-row inserts, 80k
/// with one, 4k single-row autocommits). Skipped unless `SLUICE_MARIADB_BENCH=1`; run it
/// in release mode:
///
///     SLUICE_MARIADB_BENCH=1 swift test -c release --filter ThroughputBenchmark
@Suite(
  "ThroughputBenchmark", .serialized,
  .enabled(if: ProcessInfo.processInfo.environment["SLUICE_MARIADB_BENCH"] == "1"))
struct ThroughputBenchmark {
  /// One ~200-byte row: stream, 32-character id, 150-byte payload, timestamp.
  struct Row: Sendable {
    var stream: [UInt8]
    var id: [UInt8]
    var payload: [UInt8]
  }

  /// Writes 1,000-row jobs with duplicate detection (`INSERT IGNORE ... RETURNING`) or
  /// without it (`INSERT IGNORE`, affected rows only).
  struct RowWriter: BatchWriter {
    let detectDuplicates: Bool
    let insert = try! MultiRowInsert(
      table: "events", columns: ["stream", "id", "payload", "received_at"], keyColumns: ["stream", "id"])

    func weight(of job: [Row]) -> Int { job.count }

    func write(_ jobs: [[Row]], on connection: MariaDBConnection) throws -> [Int] {
      var parameters = MariaDBParameters(reservingCapacity: jobs.count * 4_000, bytes: jobs.count * 200_000)
      let now = MariaDBTimestamp(microsecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000))
      var rows = 0
      for job in jobs {
        for row in job {
          parameters.append(bytes: row.stream)
          parameters.append(bytes: row.id)
          parameters.append(bytes: row.payload)
          parameters.append(now)
        }
        rows += job.count
      }
      if detectDuplicates {
        var inserted = try insert.insert(parameters, on: connection)[...]
        return jobs.map { job in
          defer { inserted = inserted.dropFirst(job.count) }
          return inserted.prefix(job.count).filter { $0 }.count
        }
      }
      let sql = insert.statement(rows: rows).replacingOccurrences(of: " RETURNING `stream`, `id`", with: "")
      let result = try connection.execute(sql, parameters)
      return jobs.map { _ in Int(result.affectedRows) }
    }
  }

  static func rows(_ count: Int) -> [Row] {
    var generator = SystemRandomNumberGenerator()
    let hex = Array("0123456789abcdef".utf8)
    return (0..<count).map { index in
      Row(
        stream: Array("stream-\(index % 8)".utf8),
        id: (0..<32).map { _ in hex[Int(generator.next() % 16)] },
        payload: Array(repeating: UInt8(ascii: "x"), count: 150))
    }
  }

  static func fresh() async throws -> MariaDBConfiguration {
    let database = try await TestDatabase.fresh("bench")
    try await withConnection(database) { try $0.executeUnprepared(EventWriter.createTable) }
    return database
  }

  /// CPU time this process (the client side) has used.
  static func processCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }

  /// Rows per second through a pool of `writers` workers, `jobs` jobs of 1,000 rows, and
  /// the client's CPU time per row in microseconds. With `duplicateShare` above zero, that
  /// share of each job's rows is already stored when the jobs run.
  static func measure(
    writers: Int, jobs: Int, detectDuplicates: Bool, duplicateShare: Double = 0
  ) async throws -> (rate: Double, cpu: Double) {
    let database = try await fresh()
    defer { Task { await TestDatabase.drop(database) } }
    let pool = WriterPool(
      database: database,
      configuration: WriterPoolConfiguration(
        maximumQueuedJobs: jobs, maximumBatchJobs: 1, maximumBatchWeight: 1_000,
        sizing: PoolSizeController.Configuration(minimum: writers, maximum: writers)),
      writer: RowWriter(detectDuplicates: detectDuplicates))
    pool.start()
    _ = try await pool.submit(rows(1_000))  // connect and warm up
    let work = (0..<jobs).map { _ in rows(1_000) }
    let stored = Int(Double(1_000) * duplicateShare)
    if stored > 0 {
      for job in work { _ = try await pool.submit(Array(job.prefix(stored))) }
    }
    let cpuBefore = processCPU()
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Int.self) { group in
      for job in work { group.addTask { try await pool.submit(job) } }
      for try await inserted in group { #expect(inserted == 1_000 - stored) }
    }
    let elapsed = started.duration(to: .now)
    let cpu = processCPU() - cpuBefore
    await pool.shutdown()
    #expect(try await eventCount(database) == Int64((jobs + 1) * 1_000))
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (Double(jobs * 1_000) / seconds, cpu * 1e6 / Double(jobs * 1_000))
  }

  @Test("rows per second: 1 and 4 writers, 1,000-row batches, ~200-byte rows")
  func throughput() async throws {
    var lines: [String] = []
    let rounds = Int(ProcessInfo.processInfo.environment["SLUICE_MARIADB_BENCH_ROUNDS"] ?? "") ?? 1
    for round in 1...rounds {
      for writers in [1, 4] {
        for detect in [true, false] {
          let (rate, cpu) = try await Self.measure(writers: writers, jobs: 300, detectDuplicates: detect)
          let variant = detect ? "INSERT IGNORE ... RETURNING" : "INSERT IGNORE, no RETURNING"
          let cpuText = String(format: "%.2f", cpu)
          lines.append(
            "round \(round)  \(variant)  writers=\(writers): \(Int(rate)) rows/s, client CPU \(cpuText) µs/row")
        }
        let (rate, cpu) = try await Self.measure(
          writers: writers, jobs: 300, detectDuplicates: true, duplicateShare: 0.5)
        let cpuText = String(format: "%.2f", cpu)
        lines.append(
          "round \(round)  INSERT IGNORE ... RETURNING, half the rows duplicates  writers=\(writers): "
            + "\(Int(rate)) rows/s, client CPU \(cpuText) µs/row")
      }
    }

    let database = try await Self.fresh()
    defer { Task { await TestDatabase.drop(database) } }
    let singles = Self.rows(2_000)
    let rate = try await withConnection(database) { connection in
      let started = ContinuousClock.now
      for row in singles {
        try connection.execute(
          "INSERT INTO events (stream, id, payload, received_at) VALUES (?, ?, ?, NOW(6))",
          [.bytes(row.stream), .bytes(row.id), .bytes(row.payload)])
      }
      let elapsed = started.duration(to: .now)
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return Double(singles.count) / seconds
    }
    lines.append("single-row autocommit INSERT, one connection: \(Int(rate)) rows/s")
    print(lines.joined(separator: "\n"))
  }
}
