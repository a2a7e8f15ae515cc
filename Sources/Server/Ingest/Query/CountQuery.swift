public import SluiceGenerated
public import SluiceRuntime

/// A checked `CountEvents` request and its grouped SELECT: events per minute, stream and
/// type over a range of whole minutes.
public struct CountQuery: Sendable {
  /// The longest range one request may count.
  public static let maxRange: Duration = .seconds(31 * 86_400)
  /// Microseconds in a minute.
  public static let minuteMicros: Int64 = 60_000_000

  /// The range, rounded down to whole minutes: [startMicros, endMicros).
  public let startMicros: Int64
  public let endMicros: Int64
  /// Counted streams and types; empty counts all.
  public let streams: [String]
  public let types: [String]
  /// Rows of `minute` (minutes since the epoch), `stream`, `event_type`, `count`,
  /// ordered by minute, stream, type.
  public let statement: BoundStatement

  /// Checks `request`; both bounds are required, the range positive and at most
  /// ``maxRange``.
  public init(_ request: Sluice_V1_CountEventsRequest) throws(RPCError) {
    guard let start = try EventQuery.micros(request.startTime, field: "start_time"),
      let end = try EventQuery.micros(request.endTime, field: "end_time")
    else {
      throw RPCError(code: .invalidArgument, message: "start_time and end_time are required")
    }
    startMicros = Self.floorToMinute(start)
    endMicros = Self.floorToMinute(end)
    guard startMicros < endMicros else {
      throw RPCError(
        code: .invalidArgument, message: "the range must span at least one whole minute")
    }
    guard endMicros - startMicros <= Self.maxRange.components.seconds * 1_000_000 else {
      throw RPCError(code: .invalidArgument, message: "the range may span at most 31 days")
    }
    try EventQuery.checkFilter(request.streams, field: "streams")
    try EventQuery.checkFilter(request.types, field: "types")
    streams = request.streams
    types = request.types

    var sql =
      "SELECT CAST(FLOOR(time_us / 60000000) AS SIGNED) AS minute, stream, event_type, COUNT(*)"
      + " FROM sluice_events WHERE time_us >= ? AND time_us < ?"
    var values: [StoreValue] = [.int(startMicros), .int(endMicros)]
    EventQuery.appendIn("stream", streams, to: &sql, &values)
    EventQuery.appendIn("event_type", types, to: &sql, &values)
    sql += " GROUP BY minute, stream, event_type ORDER BY minute, stream, event_type"
    statement = BoundStatement(sql: sql, values: values)
  }

  /// `micros` rounded toward the past to a whole minute.
  public static func floorToMinute(_ micros: Int64) -> Int64 {
    let (quotient, remainder) = micros.quotientAndRemainder(dividingBy: minuteMicros)
    return (remainder < 0 ? quotient - 1 : quotient) * minuteMicros
  }

  /// One bucket of the response.
  public static func bucket(minute: Int64, stream: String, type: String, count: Int64)
    -> Sluice_V1_CountBucket
  {
    var bucket = Sluice_V1_CountBucket()
    bucket.minute = Timestamps.timestamp(micros: minute * minuteMicros)
    bucket.stream = stream
    bucket.type = type
    bucket.count = count
    return bucket
  }
}
