import SluiceIngest
import SluiceMariaDB

/// The ceiling's writer: the rows `EventBatchWriter` writes, with the same multi-row
/// `INSERT IGNORE INTO sluice_events (...) VALUES (...), ... RETURNING stream, event_id,
/// seq` (`MultiRowInsert`, up to 1,000 rows per statement), and nothing else: no
/// open-transaction registration for tails and no duplicate lookup (the benchmark's ids
/// are unique). A job's outcome is how many of its rows were inserted.
struct PlainEventWriter: BatchWriter {
  private let insert: MultiRowInsert

  init() throws {
    insert = try MultiRowInsert(
      table: EventStoreSchema.eventsTable,
      columns: ["stream", "event_id", "event_type", "subject", "time_us", "ingest_us", "payload"],
      keyColumns: ["stream", "event_id"], returning: ["seq"])
  }

  func weight(of job: [EventRecord]) -> Int { max(1, job.count) }

  func write(_ jobs: [[EventRecord]], on connection: MariaDBConnection) throws -> [Int] {
    let rowCount = jobs.reduce(0) { $0 + $1.count }
    let payloadBytes = jobs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.payload.count } }
    var parameters = MariaDBParameters(
      reservingCapacity: rowCount * insert.columns.count, bytes: payloadBytes + rowCount * 64)
    for job in jobs {
      for record in job {
        parameters.append(record.stream)
        parameters.append(bytes: record.id.utf8)
        parameters.append(bytes: record.type.utf8)
        parameters.append(bytes: record.subject.utf8)
        parameters.append(record.timeMicros)
        parameters.append(record.ingestMicros)
        parameters.append(bytes: record.payload)
      }
    }
    var returned = try insert.insertReturning(parameters, on: connection)[...]
    return jobs.map { job in
      defer { returned = returned.dropFirst(job.count) }
      return returned.prefix(job.count).reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    }
  }
}
