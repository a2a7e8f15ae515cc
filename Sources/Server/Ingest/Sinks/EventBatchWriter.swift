public import SluiceMariaDB

/// Writes the events of one group commit to `sluice_events` with multi-row
/// `INSERT IGNORE ... RETURNING seq`, then looks up the sequences of the duplicates.
///
/// Each transaction first registers with ``EventStoreSchema/openTransactions``, before it
/// takes any sequence number, so that tails wait for it (see ``TailHorizon``).
///
/// A job is the records of one ingest call (already validated and free of repeats);
/// its outcome is one ``StoreOutcome`` per record, in order.
public struct EventBatchWriter: BatchWriter {
  /// Columns bound per row, in order.
  static let columns = [
    "stream", "event_id", "event_type", "subject", "time_us", "ingest_us", "payload",
  ]

  /// The statement of every commit: a multi-row `INSERT IGNORE ... RETURNING seq` into
  /// the events table, keyed by (stream, event_id), bound with ``parameters(for:)``.
  // Table and column names are constants, so this cannot fail.
  public static let insert = try! MultiRowInsert(
    table: EventStoreSchema.eventsTable, columns: columns,
    keyColumns: ["stream", "event_id"], returning: ["seq"])

  /// A writer for the events table.
  public init() {}

  /// Rows in a job: its share of a commit's size.
  public func weight(of job: [EventRecord]) -> Int { max(1, job.count) }

  /// The values ``insert`` binds for the records of `jobs`, row after row.
  public static func parameters(for jobs: [[EventRecord]]) -> MariaDBParameters {
    let rowCount = jobs.reduce(0) { $0 + $1.count }
    let payloadBytes = jobs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.payload.count } }
    var parameters = MariaDBParameters(
      reservingCapacity: rowCount * columns.count, bytes: payloadBytes + rowCount * 64)
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
    return parameters
  }

  /// Registers the pool's open transaction, then inserts every record of `jobs` in it.
  public func write(_ jobs: [[EventRecord]], on connection: MariaDBConnection) throws
    -> [[StoreOutcome]]
  {
    try EventStoreSchema.openTransactions.register(on: connection)
    let rowCount = jobs.reduce(0) { $0 + $1.count }
    let parameters = Self.parameters(for: jobs)
    let returned = try Self.insert.insertReturning(parameters, on: connection)
    let records = jobs.joined()
    var duplicates: [EventKey] = []
    for (record, row) in zip(records, returned) where row == nil {
      duplicates.append(EventKey(stream: record.stream, id: record.id))
    }
    let existing = duplicates.isEmpty ? [:] : try Self.sequences(of: duplicates, on: connection)
    var outcomes: [StoreOutcome] = []
    outcomes.reserveCapacity(rowCount)
    for (record, row) in zip(records, returned) {
      if let sequence = row?.first?.int {
        outcomes.append(.inserted(sequence: sequence))
      } else {
        let key = EventKey(stream: record.stream, id: record.id)
        outcomes.append(.duplicate(sequence: existing[key] ?? 0))
      }
    }
    var remaining = outcomes[...]
    return jobs.map { job in
      defer { remaining = remaining.dropFirst(job.count) }
      return Array(remaining.prefix(job.count))
    }
  }

  /// The stored sequences of `keys`, in chunks of 500 pairs per SELECT.
  static func sequences(of keys: [EventKey], on connection: MariaDBConnection) throws
    -> [EventKey: Int64]
  {
    var found: [EventKey: Int64] = [:]
    var start = 0
    while start < keys.count {
      let chunk = keys[start..<min(start + 500, keys.count)]
      let pairs = repeatElement("(?, ?)", count: chunk.count).joined(separator: ", ")
      var parameters = MariaDBParameters(reservingCapacity: chunk.count * 2)
      for key in chunk {
        parameters.append(key.stream)
        parameters.append(bytes: key.id.utf8)
      }
      let result = try connection.execute(
        "SELECT stream, event_id, seq FROM sluice_events WHERE (stream, event_id) IN (\(pairs))",
        parameters)
      for row in result.rows {
        guard let stream = row[0].string, let id = row[1].bytes, let sequence = row[2].int else {
          continue
        }
        found[EventKey(stream: stream, id: String(decoding: id, as: UTF8.self))] = sequence
      }
      start += chunk.count
    }
    return found
  }
}
