public import SluiceGenerated
public import SluiceRuntime

/// A checked `QueryEvents` request turned into one bound SELECT over the events table.
///
/// The statement asks for one row more than the page holds: when it comes back, there
/// is a next page, and its token is the key of the last event kept.
public struct EventQuery: Sendable {
  /// Most values in one `types` or `subjects` filter.
  public static let maxFilterValues = 100
  /// Events per page when the request says 0.
  public static let defaultLimit = 100
  /// Most events per page.
  public static let maxLimit = 1_000

  /// Events per page.
  public let limit: Int
  /// Whether pages run newest first.
  public let newestFirst: Bool
  /// The checked filters, for stores that do not run SQL.
  public let filter: EventFilter
  /// The statement (asks for `limit + 1` rows of `seq, time_us, payload`).
  public let statement: BoundStatement
  /// The fingerprint page tokens of this query carry.
  public let fingerprint: UInt64

  /// Checks `request` and builds its statement; invalid requests fail with
  /// INVALID_ARGUMENT saying which field is wrong.
  public init(_ request: Sluice_V1_QueryEventsRequest) throws(RPCError) {
    guard !request.stream.isEmpty else {
      throw RPCError(code: .invalidArgument, message: "stream is required")
    }
    switch request.limit {
    case 0: limit = Self.defaultLimit
    case 1...Int32(Self.maxLimit): limit = Int(request.limit)
    default:
      throw RPCError(
        code: .invalidArgument, message: "limit must be between 1 and \(Self.maxLimit), or 0")
    }
    switch request.order {
    case .unspecified, .newestFirst: newestFirst = true
    case .oldestFirst: newestFirst = false
    case .unrecognized(let number):
      throw RPCError(code: .invalidArgument, message: "order \(number) is unknown")
    }
    let start = try Self.micros(request.startTime, field: "start_time")
    let end = try Self.micros(request.endTime, field: "end_time")
    if let start, let end, start >= end {
      throw RPCError(code: .invalidArgument, message: "start_time must be before end_time")
    }
    try Self.checkFilter(request.types, field: "types")
    try Self.checkFilter(request.subjects, field: "subjects")

    var fingerprint = QueryFingerprint()
    fingerprint.add(request.stream)
    fingerprint.add(start ?? .min)
    fingerprint.add(end ?? .max)
    fingerprint.add(Int64(request.types.count))
    for type in request.types { fingerprint.add(type) }
    fingerprint.add(Int64(request.subjects.count))
    for subject in request.subjects { fingerprint.add(subject) }
    fingerprint.add(newestFirst ? 1 : 0)
    self.fingerprint = fingerprint.value

    var filter = EventFilter(
      stream: request.stream, startMicros: start, endMicros: end, types: request.types,
      subjects: request.subjects)
    var sql = "SELECT seq, time_us, payload FROM sluice_events WHERE stream = ?"
    var values: [StoreValue] = [.text(request.stream)]
    if let start {
      sql += " AND time_us >= ?"
      values.append(.int(start))
    }
    if let end {
      sql += " AND time_us < ?"
      values.append(.int(end))
    }
    Self.appendIn("event_type", request.types, to: &sql, &values)
    Self.appendIn("subject", request.subjects, to: &sql, &values)
    if !request.pageToken.isEmpty {
      let token: PageToken
      do {
        token = try PageToken(decoding: request.pageToken, expecting: self.fingerprint)
      } catch {
        throw RPCError(code: .invalidArgument, message: error.description)
      }
      let comparison = newestFirst ? "<" : ">"
      sql += " AND (time_us \(comparison) ? OR (time_us = ? AND seq \(comparison) ?))"
      values += [.int(token.timeMicros), .int(token.timeMicros), .int(token.sequence)]
      filter.after = (token.timeMicros, token.sequence)
    }
    self.filter = filter
    let direction = newestFirst ? "DESC" : "ASC"
    sql += " ORDER BY time_us \(direction), seq \(direction) LIMIT \(limit + 1)"
    statement = BoundStatement(sql: sql, values: values)
  }

  /// The page a store answered: at most ``limit`` events, and the next page's token
  /// when the store returned `limit + 1` rows (newest or oldest first, as asked).
  public func page(from rows: [EventRow]) throws(RPCError) -> Sluice_V1_QueryEventsResponse {
    var response = Sluice_V1_QueryEventsResponse()
    let kept = rows.prefix(limit)
    response.events.reserveCapacity(kept.count)
    for row in kept {
      response.events.append(try row.event())
    }
    if let last = kept.last {
      response.nextPageToken = nextPageToken(
        rowsReturned: rows.count, lastTimeMicros: last.timeMicros, lastSequence: last.sequence)
    }
    return response
  }

  /// The token for the page after a page whose last event has this key, or "" when the
  /// statement returned no more than `limit` rows.
  public func nextPageToken(rowsReturned: Int, lastTimeMicros: Int64, lastSequence: Int64)
    -> String
  {
    guard rowsReturned > limit else { return "" }
    return PageToken(timeMicros: lastTimeMicros, sequence: lastSequence, fingerprint: fingerprint)
      .encoded
  }

  static func micros(_ timestamp: Google_Protobuf_Timestamp?, field: String) throws(RPCError)
    -> Int64?
  {
    guard let timestamp else { return nil }
    guard timestamp.isValid else {
      throw RPCError(code: .invalidArgument, message: "\(field) is not a valid timestamp")
    }
    return Timestamps.micros(timestamp)
  }

  static func checkFilter(_ values: [String], field: String) throws(RPCError) {
    guard values.count <= maxFilterValues else {
      throw RPCError(
        code: .invalidArgument, message: "\(field) may list at most \(maxFilterValues) values")
    }
  }

  /// Appends ` AND column IN (?, ...)` for a non-empty filter.
  static func appendIn(
    _ column: String, _ filter: [String], to sql: inout String, _ values: inout [StoreValue]
  ) {
    guard !filter.isEmpty else { return }
    sql += " AND \(column) IN (" + Array(repeating: "?", count: filter.count).joined(separator: ", ")
      + ")"
    values += filter.map { .text($0) }
  }
}
