import SluiceIngest
import SluiceMariaDB

/// The ceiling's writer: the rows `EventBatchWriter` writes, with the same multi-row
/// `INSERT IGNORE INTO sluice_events (...) VALUES (...), ... RETURNING stream, event_id,
/// seq` (`MultiRowInsert`, up to 1,000 rows per statement), and nothing else: no
/// open-transaction registration for tails and no duplicate lookup (the benchmark's ids
/// are unique). A job's outcome is how many of its rows were inserted.
struct PlainEventWriter: BatchWriter {
  func weight(of job: [EventRecord]) -> Int { max(1, job.count) }

  func write(_ jobs: [[EventRecord]], on connection: MariaDBConnection) throws -> [Int] {
    let parameters = EventBatchWriter.parameters(for: jobs)
    var returned = try EventBatchWriter.insert.insertReturning(parameters, on: connection)[...]
    return jobs.map { job in
      defer { returned = returned.dropFirst(job.count) }
      return returned.prefix(job.count).reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    }
  }
}
