import SluiceGenerated
import SluiceIngest
import SluiceRuntime
import Testing

@Suite("EventQuery")
struct EventQueryTests {
  func request(_ edit: (inout Sluice_V1_QueryEventsRequest) -> Void = { _ in })
    -> Sluice_V1_QueryEventsRequest
  {
    var request = Sluice_V1_QueryEventsRequest()
    request.stream = "orders"
    edit(&request)
    return request
  }

  func code(_ request: Sluice_V1_QueryEventsRequest) -> StatusCode? {
    do {
      _ = try EventQuery(request)
      return nil
    } catch {
      return error.code
    }
  }

  @Test func plainQueryIsNewestFirstWithDefaultLimit() throws {
    let query = try EventQuery(request())
    #expect(query.limit == 100)
    #expect(
      query.statement.sql
        == "SELECT seq, time_us, payload FROM sluice_events WHERE stream = ?"
        + " ORDER BY time_us DESC, seq DESC LIMIT 101")
    #expect(query.statement.values == [.text("orders")])
  }

  @Test func everyFilterIsBoundNeverSpliced() throws {
    let hostile = "x' OR '1'='1"
    let query = try EventQuery(
      request {
        $0.stream = hostile
        $0.startTime = .init(seconds: 10)
        $0.endTime = .init(seconds: 20, nanos: 5_000)
        $0.types = ["a", hostile]
        $0.subjects = [hostile]
        $0.limit = 5
        $0.order = .oldestFirst
      })
    #expect(!query.statement.sql.contains(hostile))
    #expect(
      query.statement.sql
        == "SELECT seq, time_us, payload FROM sluice_events WHERE stream = ?"
        + " AND time_us >= ? AND time_us < ? AND event_type IN (?, ?) AND subject IN (?)"
        + " ORDER BY time_us ASC, seq ASC LIMIT 6")
    #expect(
      query.statement.values == [
        .text(hostile), .int(10_000_000), .int(20_000_005), .text("a"), .text(hostile),
        .text(hostile),
      ])
  }

  @Test func pagesContinueAfterTheLastKey() throws {
    let first = try EventQuery(request { $0.limit = 2 })
    #expect(first.nextPageToken(rowsReturned: 2, lastTimeMicros: 7, lastSequence: 9) == "")
    let token = first.nextPageToken(rowsReturned: 3, lastTimeMicros: 7, lastSequence: 9)
    #expect(!token.isEmpty)
    let second = try EventQuery(request { $0.limit = 2; $0.pageToken = token })
    #expect(second.statement.sql.contains("AND (time_us < ? OR (time_us = ? AND seq < ?))"))
    #expect(second.statement.values.suffix(3) == [.int(7), .int(7), .int(9)])
  }

  @Test func tokenOfAnotherQueryIsRefused() throws {
    let token = try EventQuery(request { $0.limit = 2 })
      .nextPageToken(rowsReturned: 3, lastTimeMicros: 7, lastSequence: 9)
    #expect(code(request { $0.types = ["other"]; $0.pageToken = token }) == .invalidArgument)
    #expect(code(request { $0.order = .oldestFirst; $0.pageToken = token }) == .invalidArgument)
    // The page size may change between pages.
    #expect(code(request { $0.limit = 50; $0.pageToken = token }) == nil)
    #expect(code(request { $0.pageToken = "garbage" }) == .invalidArgument)
  }

  @Test func invalidRequestsAreRefused() {
    #expect(code(request { $0.stream = "" }) == .invalidArgument)
    #expect(code(request { $0.limit = 1_001 }) == .invalidArgument)
    #expect(code(request { $0.limit = -1 }) == .invalidArgument)
    #expect(code(request { $0.order = .unrecognized(9) }) == .invalidArgument)
    #expect(code(request { $0.startTime = .init(seconds: 5); $0.endTime = .init(seconds: 5) })
      == .invalidArgument)
    #expect(code(request { $0.startTime = .init(seconds: 0, nanos: -1) }) == .invalidArgument)
    #expect(code(request { $0.types = (0...100).map { "t\($0)" } }) == .invalidArgument)
  }
}

@Suite("EventRecord")
struct EventRecordTests {
  @Test func fillsServerFieldsAndRoundTrips() throws {
    var event = Sluice_V1_Event()
    event.stream = "orders"
    event.id = "1"
    event.source = "/s"
    event.type = "t"
    event.subject = "sub"
    event.sequence = 42  // ignored on ingest
    let record = EventRecord(event: event, ingestMicros: 1_500_000)
    #expect(record.timeMicros == 1_500_000)  // no time: the ingest time
    let back = try EventRecord.event(payload: record.payload, sequence: 7)
    #expect(back.sequence == 7)
    #expect(back.time == Google_Protobuf_Timestamp(seconds: 1, nanos: 500_000_000))
    #expect(back.ingestTime == back.time)
    #expect(back.subject == "sub")
  }

  @Test func keepsTheProducersTime() {
    var event = Sluice_V1_Event()
    event.time = .init(seconds: -1, nanos: 999_999_999)
    let record = EventRecord(event: event, ingestMicros: 0)
    #expect(record.timeMicros == -1)
  }

  @Test func microsecondConversionsRoundTowardThePast() {
    #expect(Timestamps.micros(.init(seconds: 1, nanos: 1_999)) == 1_000_001)
    #expect(Timestamps.timestamp(micros: -1) == .init(seconds: -1, nanos: 999_999_000))
    #expect(Timestamps.timestamp(micros: -1_000_000) == .init(seconds: -1, nanos: 0))
    #expect(Timestamps.timestamp(micros: 2_000_001) == .init(seconds: 2, nanos: 1_000))
  }
}
