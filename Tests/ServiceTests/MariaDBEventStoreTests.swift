import Foundation
import SluiceGenerated
import SluiceIngest
import SluiceMariaDB
import SluiceRuntime
import SluiceTestSupport
import Synchronization
import Testing

/// The ingestion and query services over a real MariaDB.
@Suite("MariaDBEventStore")
struct MariaDBEventStoreTests {
  /// Runs `body` with a started store on a fresh database, and clients of both services.
  func withStore(
    _ body: (MariaDBEventStore, Sluice_V1_IngestService.Client, Sluice_V1_QueryService.Client, TailHub)
      async throws -> Void
  ) async throws {
    let database = try await TestDatabase.fresh("svc")
    let store = MariaDBEventStore(
      database: database, writerConfiguration: WriterPoolConfiguration(maximumQueuedJobs: 100))
    try await onThread { try store.start() }
    let hub = TailHub(reader: store, pollInterval: .milliseconds(20))
    let pipeline = IngestPipeline(
      validator: EventValidator(limits: IngestLimits()), store: store, publisher: nil,
      clock: { 1_800_000_000_000_000 })
    let router = try RPCRouter(services: [
      IngestService(pipeline: pipeline), QueryService(reader: store, tailHub: hub),
    ])
    let transport = InProcessTransport(router: router)
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await hub.run() }
        try await body(
          store, Sluice_V1_IngestService.Client(transport: transport),
          Sluice_V1_QueryService.Client(transport: transport), hub)
        group.cancelAll()
      }
    } catch {
      await store.shutdown(gracePeriod: .seconds(1))
      await TestDatabase.drop(database)
      throw error
    }
    await store.shutdown(gracePeriod: .seconds(1))
    await TestDatabase.drop(database)
  }

  func batch(_ ids: [String], stream: String = "orders", type: String = "created", second: Int64 = 0)
    -> Sluice_V1_IngestRequest
  {
    var request = Sluice_V1_IngestRequest()
    request.events = ids.enumerated().map { offset, id in
      var event = Sluice_V1_Event()
      event.stream = stream
      event.id = id
      event.source = "/shop"
      event.type = type
      event.time = .init(seconds: 1_700_000_000 + second + Int64(offset))
      event.data = .textData("payload of \(id)")
      return event
    }
    return request
  }

  @Test func ingestIsIdempotentAndReportsSequences() async throws {
    try await withStore { _, ingest, query, _ in
      let first = try await ingest.ingest(batch(["a", "b", "c"]))
      #expect(first.results.map(\.outcome) == [.accepted, .accepted, .accepted])
      let sequences = first.results.map(\.sequence)
      #expect(sequences == sequences.sorted() && Set(sequences).count == 3)

      let retry = try await ingest.ingest(batch(["b", "d", "a", "d"]))
      #expect(retry.results.map(\.outcome) == [.duplicate, .accepted, .duplicate, .duplicate])
      #expect(retry.results[0].sequence == sequences[1])
      #expect(retry.results[2].sequence == sequences[0])
      #expect(retry.results[3].sequence == retry.results[1].sequence)

      var get = Sluice_V1_GetEventRequest()
      get.stream = "orders"
      get.id = "b"
      let event = try await query.getEvent(get)
      #expect(event.data == .textData("payload of b") && event.sequence == sequences[1])

      let streams = try await query.listStreams(Sluice_V1_ListStreamsRequest()).streams
      #expect(streams.map(\.name) == ["orders"] && streams.first?.events == 4)
    }
  }

  @Test func concurrentCallsShareCommitsAndStoreEachEventOnce() async throws {
    try await withStore { _, ingest, query, _ in
      try await withThrowingTaskGroup(of: Sluice_V1_IngestResponse.self) { group in
        for call in 0..<40 {
          // Calls overlap in pairs: each event is sent by two calls at once.
          let ids = (0..<25).map { "e\(call / 2)-\($0)" }
          group.addTask { try await ingest.ingest(batch(ids)) }
        }
        var accepted = 0
        var duplicates = 0
        for try await response in group {
          accepted += Int(response.accepted)
          duplicates += Int(response.duplicates)
        }
        #expect(accepted == 500 && duplicates == 500)
      }
      var request = Sluice_V1_CountEventsRequest()
      request.startTime = .init(seconds: 1_699_999_940)
      request.endTime = .init(seconds: 1_700_000_100)
      let counts = try await query.countEvents(request).buckets
      #expect(counts.reduce(0) { $0 + $1.count } == 500)
    }
  }

  @Test func queryPagesAndFiltersOnTheDatabase() async throws {
    try await withStore { _, ingest, query, _ in
      _ = try await ingest.ingest(batch((0..<9).map { "c\($0)" }, type: "created"))
      _ = try await ingest.ingest(batch((0..<4).map { "p\($0)" }, type: "paid", second: 100))
      var request = Sluice_V1_QueryEventsRequest()
      request.stream = "orders"
      request.types = ["created"]
      request.limit = 4
      request.order = .oldestFirst
      var ids: [String] = []
      repeat {
        let page = try await query.queryEvents(request)
        ids += page.events.map(\.id)
        request.pageToken = page.nextPageToken
      } while !request.pageToken.isEmpty
      #expect(ids == (0..<9).map { "c\($0)" })

      var window = Sluice_V1_QueryEventsRequest()
      window.stream = "orders"
      window.startTime = .init(seconds: 1_700_000_100)
      #expect(try await query.queryEvents(window).events.map(\.id) == ["p3", "p2", "p1", "p0"])
    }
  }

  @Test(.timeLimit(.minutes(1))) func tailFollowsCommitsFromAPoint() async throws {
    try await withStore { _, ingest, query, _ in
      let first = try await ingest.ingest(batch(["old"]))
      var request = Sluice_V1_TailEventsRequest()
      request.stream = "orders"
      request.start = .afterSequence(first.results[0].sequence)
      let tailRequest = request
      async let tailed: [String] = {
        var ids: [String] = []
        for try await message in try await query.tailEvents(tailRequest) {
          ids.append(message.event?.id ?? "")
          if ids.count == 3 { break }
        }
        return ids
      }()
      _ = try await ingest.ingest(batch(["n1", "n2"]))
      _ = try await ingest.ingest(batch(["other"], stream: "payments"))
      _ = try await ingest.ingest(batch(["n3"]))
      #expect(try await tailed == ["n1", "n2", "n3"])
    }
  }

  @Test func ingestLeavesNoTransactionOpen() async throws {
    try await withStore { store, ingest, _, _ in
      _ = try await ingest.ingest(batch(["a", "b"]))
      let (open, unlocked) = try await withConnection(store.writers.database) { connection in
        (
          try EventStoreSchema.openTransactions.openTransactions(on: connection),
          // Were the writer's transaction still open, its rows would still be locked.
          try connection.execute("SELECT seq FROM sluice_events FOR UPDATE NOWAIT").rows.count
        )
      }
      #expect(open.isEmpty && unlocked == 2)
    }
  }

  /// Another writer (as in a second server process) takes a lower sequence and commits
  /// after a higher one: the tail waits for it instead of skipping it.
  @Test(.timeLimit(.minutes(1))) func tailWaitsForAnEventCommittingLate() async throws {
    try await withStore { store, ingest, query, _ in
      let first = try await ingest.ingest(batch(["first"]))
      var request = Sluice_V1_TailEventsRequest()
      request.stream = "orders"
      request.start = .afterSequence(first.results[0].sequence)
      let tailRequest = request
      let received = Mutex<[String]>([])
      let tail = Task {
        for try await message in try await query.tailEvents(tailRequest) {
          if received.withLock({ $0.append(message.event?.id ?? ""); return $0.count }) == 2 { break }
        }
      }
      defer { tail.cancel() }

      let inserted = DispatchSemaphore(value: 0)
      let release = DispatchSemaphore(value: 0)
      defer { release.signal() }
      let record = EventRecord(event: batch(["late"]).events[0], ingestMicros: 1_800_000_000_000_000)
      let database = store.writers.database
      let lateWriter = Task {
        try await onThread {
          let connection = try MariaDBConnection.connect(database)
          defer { connection.close() }
          return try connection.transaction { connection in
            let outcomes = try EventBatchWriter().write([[record]], on: connection)
            inserted.signal()
            release.wait()
            return outcomes
          }
        }
      }
      let ready = try await onThread { inserted.wait(timeout: .now() + .seconds(10)) == .success }
      try #require(ready, "the late writer did not insert")
      let after = try await ingest.ingest(batch(["after"]))
      // Many polls see "after" committed while "late" is not: none may let the tail past it.
      try await Task.sleep(for: .milliseconds(600))
      #expect(received.withLock { $0 } == [])
      release.signal()
      guard case .inserted(let lateSequence)? = try await lateWriter.value.first?.first else {
        Issue.record("the late event was not inserted")
        return
      }
      #expect(lateSequence < after.results[0].sequence)
      let until = ContinuousClock.now + .seconds(10)
      while received.withLock({ $0.count }) < 2 && ContinuousClock.now < until {
        try await Task.sleep(for: .milliseconds(20))
      }
      #expect(received.withLock { $0 } == ["late", "after"])
    }
  }
}
