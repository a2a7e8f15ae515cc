public import SluiceGenerated
public import SluiceRuntime

/// `sluice.v1.QueryService`: reads events back through an ``EventReader``; tails follow
/// the process's ``TailHub``.
public struct QueryService: Sluice_V1_QueryService.ServiceProtocol {
  /// Where events are read.
  public let reader: any EventReader
  /// Tells tails how far they may read.
  public let tailHub: TailHub
  /// Rows a tail reads per round trip.
  public static let tailBatch = 500

  /// A service reading through `reader`.
  public init(reader: any EventReader, tailHub: TailHub) {
    self.reader = reader
    self.tailHub = tailHub
  }

  /// One event by (stream, id).
  public func getEvent(request: Sluice_V1_GetEventRequest, context: ServerContext) async throws
    -> Sluice_V1_Event
  {
    guard !request.stream.isEmpty, !request.id.isEmpty else {
      throw RPCError(code: .invalidArgument, message: "stream and id are required")
    }
    guard let row = try await reader.event(stream: request.stream, id: request.id) else {
      throw RPCError(
        code: .notFound, message: "no event \"\(request.id)\" in stream \"\(request.stream)\"")
    }
    return try row.event()
  }

  /// One page of events.
  public func queryEvents(request: Sluice_V1_QueryEventsRequest, context: ServerContext)
    async throws -> Sluice_V1_QueryEventsResponse
  {
    let query = try EventQuery(request)
    return try query.page(from: try await reader.rows(for: query))
  }

  /// New events of a stream until the client goes away.
  public func tailEvents(
    request: Sluice_V1_TailEventsRequest, response: RPCResponseWriter<Sluice_V1_TailEventsResponse>,
    context: ServerContext
  ) async throws {
    guard !request.stream.isEmpty else {
      throw RPCError(code: .invalidArgument, message: "stream is required")
    }
    try EventQuery.checkFilter(request.types, field: "types")
    var position: Int64
    switch request.start {
    case .afterSequence(let sequence):
      position = sequence
    case .fromIngestTime(let time):
      guard let micros = try EventQuery.micros(time, field: "from_ingest_time") else {
        throw RPCError(code: .invalidArgument, message: "from_ingest_time is not set")
      }
      position = try await reader.lastSequence(stream: request.stream, ingestedBefore: micros)
    case nil:
      position = try await tailHub.highestVisible()
    }
    while true {
      let settled = try await tailHub.waitForSettled(beyond: position)
      while position < settled {
        let rows = try await reader.tailRows(
          stream: request.stream, types: request.types, after: position, through: settled,
          limit: Self.tailBatch)
        for row in rows {
          var message = Sluice_V1_TailEventsResponse()
          message.event = try row.event()
          try await response.write(message)
        }
        position = rows.count < Self.tailBatch ? settled : rows[rows.count - 1].sequence
      }
    }
  }

  /// Per-minute counts.
  public func countEvents(request: Sluice_V1_CountEventsRequest, context: ServerContext)
    async throws -> Sluice_V1_CountEventsResponse
  {
    var response = Sluice_V1_CountEventsResponse()
    response.buckets = try await reader.counts(for: CountQuery(request))
    return response
  }

  /// Every stream with its totals.
  public func listStreams(request: Sluice_V1_ListStreamsRequest, context: ServerContext)
    async throws -> Sluice_V1_ListStreamsResponse
  {
    var response = Sluice_V1_ListStreamsResponse()
    response.streams = try await reader.streams()
    return response
  }
}
