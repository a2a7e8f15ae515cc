import SluiceGenerated
@testable import SluiceIngest
import SluiceRuntime
import SluiceTestSupport
import Testing

@Suite("QueryService")
struct QueryServiceTests {
  let store = InMemoryEventStore()

  /// Runs `body` with clients of a query service (and an ingest service on the same
  /// store) whose tail hub polls while `body` runs.
  func withServices(
    _ body: (Sluice_V1_QueryService.Client, Sluice_V1_IngestService.Client, TailHub) async throws
      -> Void
  ) async throws {
    let hub = TailHub(reader: store, pollInterval: .milliseconds(5))
    let pipeline = IngestPipeline(
      validator: EventValidator(limits: IngestLimits()), store: store, publisher: nil,
      clock: { 1_800_000_000_000_000 })
    let router = try RPCRouter(services: [
      QueryService(reader: store, tailHub: hub), IngestService(pipeline: pipeline),
    ])
    let transport = InProcessTransport(router: router)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await hub.run() }
      try await body(
        Sluice_V1_QueryService.Client(transport: transport),
        Sluice_V1_IngestService.Client(transport: transport), hub)
      group.cancelAll()
    }
  }

  func ingest(
    _ client: Sluice_V1_IngestService.Client, _ ids: [String], stream: String = "s",
    type: String = "t", time: Int64 = 1_700_000_000
  ) async throws {
    var request = Sluice_V1_IngestRequest()
    request.events = ids.enumerated().map { offset, id in
      var event = Sluice_V1_Event()
      event.stream = stream
      event.id = id
      event.source = "/src"
      event.type = type
      event.time = .init(seconds: time + Int64(offset))
      return event
    }
    let response = try await client.ingest(request)
    #expect(response.accepted == Int32(ids.count))
  }

  @Test func getEventFindsByStreamAndId() async throws {
    try await withServices { query, ingest, hub in
      try await self.ingest(ingest, ["a"])
      var request = Sluice_V1_GetEventRequest()
      request.stream = "s"
      request.id = "a"
      let event = try await query.getEvent(request)
      #expect(event.id == "a" && event.sequence == 1 && event.ingestTime != nil)
      request.id = "missing"
      await #expect(throws: RPCError.self) { try await query.getEvent(request) }
    }
  }

  @Test func queryPagesThroughEveryEventOnce() async throws {
    try await withServices { query, ingest, hub in
      try await self.ingest(ingest, (0..<7).map { "e\($0)" })
      try await self.ingest(ingest, ["other"], stream: "elsewhere")
      for order in [Sluice_V1_Order.newestFirst, .oldestFirst] {
        var request = Sluice_V1_QueryEventsRequest()
        request.stream = "s"
        request.limit = 3
        request.order = order
        var seen: [String] = []
        var pages = 0
        repeat {
          let page = try await query.queryEvents(request)
          seen += page.events.map(\.id)
          request.pageToken = page.nextPageToken
          pages += 1
        } while !request.pageToken.isEmpty
        let expected = (0..<7).map { "e\($0)" }
        #expect(seen == (order == .oldestFirst ? expected : expected.reversed()))
        #expect(pages == 3)
      }
    }
  }

  @Test func countsGroupByMinuteStreamAndType() async throws {
    try await withServices { query, ingest, hub in
      let minute: Int64 = 1_700_000_040  // a whole minute
      try await self.ingest(ingest, ["a", "b"], time: minute + 40)
      try await self.ingest(ingest, ["c"], type: "u", time: minute + 40)
      try await self.ingest(ingest, ["d"], time: minute + 70)
      try await self.ingest(ingest, ["late"], time: minute + 120)  // outside the range
      var request = Sluice_V1_CountEventsRequest()
      request.startTime = .init(seconds: minute + 59)  // rounds down to `minute`
      request.endTime = .init(seconds: minute + 120)
      let buckets = try await query.countEvents(request).buckets
      #expect(buckets.map { "\($0.minute?.seconds ?? -1)/\($0.type)/\($0.count)" } == [
        "1700000040/t/2", "1700000040/u/1", "1700000100/t/1",
      ])
      request.endTime = request.startTime
      await #expect(throws: RPCError.self) { try await query.countEvents(request) }
    }
  }

  @Test func tailDeliversNewEventsInOrderAndHistoryFromAPoint() async throws {
    try await withServices { query, ingest, hub in
      try await self.ingest(ingest, ["old1", "old2"])
      var request = Sluice_V1_TailEventsRequest()
      request.stream = "s"
      // Responses (and their headers) flow only once events do: read in tasks.
      func collect(_ request: Sluice_V1_TailEventsRequest, count: Int) async throws -> [String] {
        var ids: [String] = []
        for try await message in try await query.tailEvents(request) {
          ids.append(message.event?.id ?? "")
          if ids.count == count { break }
        }
        return ids
      }
      let liveRequest = request
      async let live = collect(liveRequest, count: 3)
      // The live tail starts "from now": ingest only once it waits.
      while hub.waiterCount < 1 { try await Task.sleep(for: .milliseconds(1)) }
      request.start = .afterSequence(1)
      let replayRequest = request
      async let replay = collect(replayRequest, count: 4)
      try await self.ingest(ingest, ["new1", "new2"])
      try await self.ingest(ingest, ["noise"], stream: "elsewhere")
      try await self.ingest(ingest, ["new3"])
      #expect(try await live == ["new1", "new2", "new3"])
      #expect(try await replay == ["old2", "new1", "new2", "new3"])
    }
  }
}
