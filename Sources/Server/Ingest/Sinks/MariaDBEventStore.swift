public import SluiceGenerated
public import SluiceMariaDB
public import SluiceRuntime

/// The event store on MariaDB: writes go through a group-committing ``WriterPool`` of
/// ``EventBatchWriter``s, reads through a separate ``ReadPool``.
public final class MariaDBEventStore: EventStore, EventReader, Sendable {
  /// The writer pool (its statistics feed metrics).
  public let writers: WriterPool<EventBatchWriter>
  /// The pool queries run on.
  public let readers: ReadPool

  /// A store over `database`; call ``start()`` before use. `observer` follows the writer
  /// pool (metrics).
  public init(
    database: MariaDBConfiguration, writerConfiguration: WriterPoolConfiguration,
    observer: (any WriterPoolObserver)? = nil
  ) {
    writers = WriterPool(
      database: database, configuration: writerConfiguration, writer: EventBatchWriter(),
      observer: observer)
    readers = ReadPool(database: database)
  }

  /// Applies the event store's migrations (waiting for other servers doing the same),
  /// then starts both pools.
  public func start() throws {
    let migrations = EventStoreSchema.migrations.map {
      Migration(version: $0.version, name: "events v\($0.version)", statements: $0.statements)
    }
    let connection = try MariaDBConnection.connect(writers.database)
    defer { connection.close() }
    _ = try Migrator(migrations).migrate(on: connection)
    writers.start()
    readers.start()
  }

  /// Lets queued writes finish (up to `gracePeriod`), then closes every connection.
  public func shutdown(gracePeriod: Duration) async {
    await writers.shutdown(gracePeriod: gracePeriod)
    await readers.shutdown(gracePeriod: gracePeriod)
  }

  // MARK: EventStore

  /// Submits the records as one job of the next group commit.
  public func insert(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError) -> [StoreOutcome]
  {
    do {
      return try await writers.submit(records, deadline: deadline)
    } catch {
      throw Self.rpcError(error)
    }
  }

  // MARK: EventReader

  /// The event stored under (stream, id).
  public func event(stream: String, id: String) async throws(RPCError) -> EventRow? {
    try await read { connection in
      var parameters = MariaDBParameters()
      parameters.append(stream)
      parameters.append(bytes: id.utf8)
      return try connection.execute(
        "SELECT seq, time_us, payload FROM sluice_events WHERE stream = ? AND event_id = ?",
        parameters
      ).rows.first.map(Self.eventRow)
    }
  }

  /// The rows of a `QueryEvents` page.
  public func rows(for query: EventQuery) async throws(RPCError) -> [EventRow] {
    try await read { connection in
      try connection.execute(query.statement.sql, Self.parameters(query.statement.values))
        .rows.map(Self.eventRow)
    }
  }

  /// Per-minute counts.
  public func counts(for query: CountQuery) async throws(RPCError) -> [Sluice_V1_CountBucket] {
    try await read { connection in
      try connection.execute(query.statement.sql, Self.parameters(query.statement.values)).rows
        .map { row in
          CountQuery.bucket(
            minute: row[0].int ?? 0, stream: row[1].string ?? "",
            type: String(decoding: row[2].bytes ?? [], as: UTF8.self), count: row[3].int ?? 0)
        }
    }
  }

  /// Every stream with its count and time range.
  public func streams() async throws(RPCError) -> [Sluice_V1_StreamInfo] {
    try await read { connection in
      try connection.execute(
        "SELECT stream, COUNT(*), MIN(time_us), MAX(time_us) FROM sluice_events"
          + " GROUP BY stream ORDER BY stream"
      ).rows.map { row in
        var info = Sluice_V1_StreamInfo()
        info.name = row[0].string ?? ""
        info.events = row[1].int ?? 0
        info.oldestTime = Timestamps.timestamp(micros: row[2].int ?? 0)
        info.newestTime = Timestamps.timestamp(micros: row[3].int ?? 0)
        return info
      }
    }
  }

  /// The highest visible sequence, then the write transactions open (registered with
  /// ``EventStoreSchema/openTransactions``; any that holds a sequence below the highest
  /// registered before taking it, so it is among them unless it has ended).
  public func visibility() async throws(RPCError) -> StoreVisibility {
    try await read { connection in
      let highest =
        try connection.execute("SELECT COALESCE(MAX(seq), 0) FROM sluice_events").rows.first?[0].int ?? 0
      let open = try EventStoreSchema.openTransactions.openTransactions(on: connection)
      return StoreVisibility(
        highestSequence: highest,
        openTransactions: Set(open.map { StoreTransaction(writer: $0.writer, number: $0.number) }))
    }
  }

  /// A tail's next rows.
  public func tailRows(stream: String, types: [String], after: Int64, through: Int64, limit: Int)
    async throws(RPCError) -> [EventRow]
  {
    var sql = "SELECT seq, time_us, payload FROM sluice_events WHERE stream = ? AND seq > ? AND seq <= ?"
    var values: [StoreValue] = [.text(stream), .int(after), .int(through)]
    EventQuery.appendIn("event_type", types, to: &sql, &values)
    sql += " ORDER BY seq LIMIT \(max(1, limit))"
    let statement = BoundStatement(sql: sql, values: values)
    return try await read { connection in
      try connection.execute(statement.sql, Self.parameters(statement.values)).rows.map(Self.eventRow)
    }
  }

  /// Where a tail starting at an ingest time begins.
  public func lastSequence(stream: String, ingestedBefore micros: Int64) async throws(RPCError)
    -> Int64
  {
    try await read { connection in
      var parameters = MariaDBParameters()
      parameters.append(stream)
      parameters.append(micros)
      return try connection.execute(
        "SELECT COALESCE(MAX(seq), 0) FROM sluice_events WHERE stream = ? AND ingest_us < ?",
        parameters
      ).rows.first?[0].int ?? 0
    }
  }

  // MARK: Helpers

  private func read<T: Sendable>(_ body: @escaping @Sendable (MariaDBConnection) throws -> T)
    async throws(RPCError) -> T
  {
    do {
      return try await readers.read(body)
    } catch {
      throw Self.rpcError(error)
    }
  }

  static func eventRow(_ row: MariaDBRow) -> EventRow {
    EventRow(sequence: row[0].int ?? 0, timeMicros: row[1].int ?? 0, payload: row[2].bytes ?? [])
  }

  static func parameters(_ values: [StoreValue]) -> MariaDBParameters {
    var parameters = MariaDBParameters(reservingCapacity: values.count)
    for value in values {
      switch value {
      case .int(let number): parameters.append(number)
      case .text(let text): parameters.append(bytes: text.utf8)
      case .bytes(let bytes): parameters.append(bytes: bytes)
      }
    }
    return parameters
  }

  /// Whether `error` is a lock wait timeout, a deadlock or a statement timeout: the write
  /// rolled back for a passing reason and its retry can succeed.
  static func isLockTimeout(_ error: (any Error)?) -> Bool {
    guard let error = error as? MariaDBError else { return false }
    return [1205, 1213, 1969].contains(error.code)
  }

  /// The status a pool failure answers a call with.
  static func rpcError(_ error: MariaDBPoolError) -> RPCError {
    switch error.kind {
    case .queueFull:
      RPCError(code: .resourceExhausted, message: "the database writer queue is full; retry later")
    case .unavailable:
      RPCError(
        code: .unavailable,
        message: "the database is unavailable" + (error.underlying.map { ": \($0)" } ?? ""))
    case .shutDown:
      RPCError(code: .unavailable, message: "the server is stopping")
    case .deadlineExceeded:
      RPCError(code: .deadlineExceeded, message: "the deadline passed before the database answered")
    case .cancelled:
      RPCError(code: .cancelled, message: "the call was cancelled")
    case .failed where isLockTimeout(error.underlying):
      RPCError(
        code: .unavailable,
        message: "the write waited too long for a lock another transaction holds"
          + " (the same events being stored by another call?); retry")
    case .failed:
      RPCError(
        code: .internal,
        message: "the database refused the write: \(error.underlying.map { "\($0)" } ?? "\(error)")")
    }
  }
}
