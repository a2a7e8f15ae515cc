import SluiceGenerated
import SluiceIngest
import SluiceObservability
import SluiceRuntime
import SluiceTestSupport
import Testing

@Suite("IngestPipeline")
struct IngestPipelineTests {
  let store = InMemoryEventStore()
  let publisher = RecordingPublisher()

  func pipeline(limits: IngestLimits = IngestLimits(), kafka: Bool = true) -> IngestPipeline {
    IngestPipeline(
      validator: EventValidator(limits: limits), store: store,
      publisher: kafka ? publisher : nil, clock: { 1_800_000_000_000_000 })
  }

  func event(_ id: String, type: String = "t") -> Sluice_V1_Event {
    var event = Sluice_V1_Event()
    event.stream = "s"
    event.id = id
    event.source = "/src"
    event.type = type
    return event
  }

  @Test func mixedBatchGetsOneResultPerEvent() async throws {
    _ = try await pipeline().ingest([event("old")], atomic: false, deadline: nil)
    let response = try await pipeline().ingest(
      [event("a"), event("bad", type: ""), event("a"), event("old")], atomic: false,
      deadline: nil)
    #expect(response.results.map(\.outcome) == [.accepted, .rejected, .duplicate, .duplicate])
    #expect(response.results[1].violations.map(\.field) == ["type"])
    #expect(response.results[0].sequence == response.results[2].sequence)
    #expect(response.results[3].sequence == 1)
    #expect((response.accepted, response.duplicates, response.rejected) == (1, 2, 1))
    #expect(store.count == 2)
    // Stored duplicates are published again; the in-batch repeat is not.
    #expect(publisher.published.map(\.id) == ["old", "a", "old"])
  }

  @Test func atomicBatchWithAnInvalidEventStoresNothing() async throws {
    do {
      _ = try await pipeline().ingest([event("a"), event("")], atomic: true, deadline: nil)
      Issue.record("expected INVALID_ARGUMENT")
    } catch {
      #expect(error.code == .invalidArgument)
      let detail = try #require(try error.details.first?.unpack(Sluice_V1_IngestResponse.self))
      #expect(detail.results.map(\.outcome) == [.unspecified, .rejected])
      #expect(detail.rejected == 1)
    }
    #expect(store.calls == 0)
    #expect(publisher.published.isEmpty)
  }

  @Test func allInvalidBatchTouchesNothing() async throws {
    let response = try await pipeline().ingest([event("")], atomic: false, deadline: nil)
    #expect(response.rejected == 1)
    #expect(store.calls == 0)
  }

  @Test func oversizedBatchIsRefusedWhole() async {
    let small = pipeline(limits: IngestLimits(maxEventsPerBatch: 2))
    await #expect(throws: RPCError.self) {
      try await small.ingest([event("a"), event("b"), event("c")], atomic: false, deadline: nil)
    }
    #expect(store.calls == 0)
  }

  @Test func publishFailureFailsTheCallAndARetryReportsDuplicates() async throws {
    publisher.fail(with: RPCError(code: .unavailable, message: "no broker"))
    await #expect(throws: RPCError(code: .unavailable, message: "no broker")) {
      try await pipeline().ingest([event("a")], atomic: false, deadline: nil)
    }
    #expect(store.count == 1)  // stored, but the call did not say OK
    publisher.fail(with: nil)
    let retry = try await pipeline().ingest([event("a")], atomic: false, deadline: nil)
    #expect(retry.results.map(\.outcome) == [.duplicate])
    #expect(publisher.published.map(\.id) == ["a"])
    #expect(store.count == 1)
  }

  @Test func storeFailureFailsTheCall() async {
    store.fail(with: RPCError(code: .resourceExhausted, message: "queue full"))
    await #expect(throws: RPCError(code: .resourceExhausted, message: "queue full")) {
      try await pipeline().ingest([event("a")], atomic: false, deadline: nil)
    }
  }

  @Test func withoutKafkaOnlyTheStoreIsUsed() async throws {
    let response = try await pipeline(kafka: false).ingest([event("a")], atomic: false, deadline: nil)
    #expect(response.accepted == 1)
    #expect(publisher.published.isEmpty)
  }
}

@Suite("IngestPipeline metrics")
struct IngestPipelineMetricsTests {
  @Test func countsOutcomesByStream() async throws {
    let metrics = MetricsRegistry()
    let pipeline = IngestPipeline(
      validator: EventValidator(limits: IngestLimits()), store: InMemoryEventStore(),
      publisher: nil, clock: { 1_800_000_000_000_000 }, metrics: metrics.factory)
    var good = Sluice_V1_Event()
    good.stream = "orders"
    good.id = "1"
    good.source = "/s"
    good.type = "t"
    var bad = good
    bad.type = ""
    bad.stream = "attacker-chosen"
    _ = try await pipeline.ingest([good, good, bad], atomic: false, deadline: nil)
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    #expect(text.contains(#"sluice_events_total{stream="orders",outcome="accepted"} 1"#))
    #expect(text.contains(#"sluice_events_total{stream="orders",outcome="duplicate"} 1"#))
    #expect(text.contains(#"sluice_events_total{stream="(rejected)",outcome="rejected"} 1"#))
    #expect(!text.contains("attacker-chosen"))
    #expect(text.contains("sluice_ingest_batch_size_count 1"))
  }
}
