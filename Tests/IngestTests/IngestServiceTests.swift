import SluiceGenerated
import SluiceIngest
import SluiceRuntime
import SluiceTestSupport
import Testing

@Suite("IngestService")
struct IngestServiceTests {
  let store = InMemoryEventStore()
  let publisher = RecordingPublisher()

  func client() throws -> Sluice_V1_IngestService.Client {
    let pipeline = IngestPipeline(
      validator: EventValidator(limits: IngestLimits()), store: store, publisher: publisher,
      clock: { 1_800_000_000_000_000 })
    let router = try RPCRouter(services: [IngestService(pipeline: pipeline)])
    return Sluice_V1_IngestService.Client(transport: InProcessTransport(router: router))
  }

  func batch(_ ids: [String], atomic: Bool = false) -> Sluice_V1_IngestRequest {
    var request = Sluice_V1_IngestRequest()
    request.atomic = atomic
    request.events = ids.map { id in
      var event = Sluice_V1_Event()
      event.stream = "s"
      event.id = id
      event.source = "/src"
      event.type = "t"
      return event
    }
    return request
  }

  @Test func unaryIngestAnswersPerEvent() async throws {
    let response = try await client().ingest(batch(["a", "b", ""]))
    #expect((response.accepted, response.duplicates, response.rejected) == (2, 0, 1))
  }

  @Test func bulkLoadSummarisesEveryBatch() async throws {
    let summary = try await client().ingestStream { writer in
      try await writer.write(batch(["a", "b"]))
      try await writer.write(batch(["b", ""]))  // one duplicate, one rejection
      try await writer.write(batch(["c", ""], atomic: true))  // refused whole
    }
    #expect(summary.batches == 3)
    #expect((summary.accepted, summary.duplicates, summary.rejected) == (2, 1, 3))
    #expect(summary.notAccepted.map { [$0.batch, Int64($0.index)] } == [[1, 0], [1, 1], [2, 0], [2, 1]])
    #expect(store.count == 2)
  }

  @Test func failedBulkLoadReportsItsProgress() async throws {
    let client = try client()
    do {
      _ = try await client.ingestStream { writer in
        try await writer.write(batch(["a"]))
        try await writer.write(batch(["b"]))
        // Wait until both batches are stored before the store goes down.
        while store.count < 2 { await Task.yield() }
        store.fail(with: RPCError(code: .unavailable, message: "database down"))
        try await writer.write(batch(["c"]))
      }
      Issue.record("expected UNAVAILABLE")
    } catch let error as RPCError {
      #expect(error.code == .unavailable)
      #expect(error.message == "database down (after 2 committed batches)")
      let progress = try #require(try error.details.first?.unpack(Sluice_V1_IngestProgress.self))
      #expect(progress.committedBatches == 2)
      #expect(progress.accepted == 2)
    }
  }
}
