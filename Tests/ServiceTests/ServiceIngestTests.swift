import SluiceGenerated
import SluiceRuntime
import SluiceTestSupport
import Testing

/// Every test of the assembled service (real server, real MariaDB, real broker). They run
/// one at a time: each starts servers of its own, and two shared cores are enough for one.
@Suite("SluiceService", .serialized)
struct SluiceServiceSuite {}

extension SluiceServiceSuite {
  /// Ingestion guarantees with every component up.
  @Suite("Ingest")
  struct Ingest {
    @Test("OK means stored once in MariaDB and produced to Kafka, with keys and headers")
    func acknowledgedEventsAreStoredAndProduced() async throws {
      try await PrivateBroker.with { broker in
        try await EventTable.withFreshDatabase { database, url in
          let configuration = RunningService.configuration(databaseURL: url, kafkaBrokers: broker.bootstrap)
          try await RunningService.with(configuration) { service in
            let ids = (0..<10).map { "o\($0)" }
            var request = TestEvents.request(ids)
            request.events[0].partitionKey = "customer-7"
            request.events[0].subject = "order/o0"
            let response = try await service.ingest.ingest(request, options: CallOptions(timeout: .seconds(60)))
            #expect(response.accepted == 10 && response.results.allSatisfy { $0.outcome == .accepted })
            let payments = try await service.ingest.ingest(
              TestEvents.request(["p0", "p1"], stream: "payments"), options: CallOptions(timeout: .seconds(60)))
            #expect(payments.accepted == 2)

            let rows = try await EventTable.rowsPerID(database, stream: "orders")
            #expect(rows == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
            #expect(try await EventTable.rowsPerID(database, stream: "payments") == ["p0": 1, "p1": 1])

            let records = try await broker.consume(topic: "sluice.orders", count: 10, idle: .seconds(1))
            #expect(records.compactMap { $0.header("ce_id") }.sorted() == ids.sorted())
            for record in records {
              let event = try Sluice_V1_Event(serializedBytes: record.valueBytes)
              let sent = request.events.first { $0.id == event.id }
              #expect(event.stream == "orders" && event.data == sent?.data && event.time == sent?.time)
              #expect(event.ingestTime != nil)
              let expectedKey = sent?.partitionKey.isEmpty == false ? sent!.partitionKey : event.id
              #expect(record.keyBytes == Array(expectedKey.utf8))
              #expect(record.header("sluice_stream") == "orders")
              #expect(record.header("ce_source") == "/shop" && record.header("ce_type") == "order.created")
              #expect(record.header("ce_subject") == (event.id == "o0" ? "order/o0" : nil))
              #expect(record.header("content-type")?.hasPrefix("application/protobuf") == true)
            }
            let paymentRecords = try await broker.consume(topic: "sluice.payments", count: 2, idle: .seconds(1))
            #expect(paymentRecords.compactMap { $0.header("ce_id") }.sorted() == ["p0", "p1"])
          }
        }
      }
    }

    @Test("a retry never stores a second row, reports duplicates, and inflates no count")
    func retriesAreIdempotent() async throws {
      try await EventTable.withFreshDatabase { database, url in
        try await RunningService.with(RunningService.configuration(databaseURL: url)) { service in
          let first = try await service.ingest.ingest(TestEvents.request(["a", "b", "c", "d"]))
          #expect(first.accepted == 4)
          let retry = try await service.ingest.ingest(TestEvents.request(["a", "b", "c", "d"]))
          #expect(retry.duplicates == 4 && retry.accepted == 0)
          #expect(retry.results.map(\.sequence) == first.results.map(\.sequence))
          let overlap = try await service.ingest.ingest(TestEvents.request(["c", "d", "e", "f"]))
          #expect(overlap.results.map(\.outcome) == [.duplicate, .duplicate, .accepted, .accepted])

          // Ten clients retrying the same batch at once: one stores it, the others see duplicates.
          let concurrent = try await withThrowingTaskGroup(of: Sluice_V1_IngestResponse.self) { group in
            for _ in 0..<10 {
              group.addTask { try await service.ingest.ingest(TestEvents.request(["g", "h"])) }
            }
            return try await group.reduce(into: [Sluice_V1_IngestResponse]()) { $0.append($1) }
          }
          #expect(concurrent.reduce(0) { $0 + $1.accepted } == 2)
          #expect(concurrent.reduce(0) { $0 + $1.duplicates } == 18)

          let expected = Dictionary(uniqueKeysWithValues: ["a", "b", "c", "d", "e", "f", "g", "h"].map { ($0, 1) })
          #expect(try await EventTable.rowsPerID(database, stream: "orders") == expected)
          let buckets = try await service.query.countEvents(TestEvents.countRequest()).buckets
          #expect(buckets.reduce(0) { $0 + $1.count } == 8)
          let streams = try await service.query.listStreams(Sluice_V1_ListStreamsRequest()).streams
          #expect(streams.map(\.name) == ["orders"] && streams.first?.events == 8)
          #expect(service.eventCount(stream: "orders", outcome: "accepted") == 8)
          #expect(service.eventCount(stream: "orders", outcome: "duplicate") == 24)
        }
      }
    }

    @Test("invalid events are rejected one by one; an atomic batch is all or nothing")
    func invalidEventsAndAtomicBatches() async throws {
      try await EventTable.withFreshDatabase { database, url in
        try await RunningService.with(RunningService.configuration(databaseURL: url)) { service in
          var request = TestEvents.request(["good1", "bad", "good2"], atomic: true)
          request.events[1].type = ""
          let refusal = await #expect(throws: RPCError.self) {
            _ = try await service.ingest.ingest(request)
          }
          #expect(refusal?.code == .invalidArgument)
          let detail = try refusal?.details.first?.unpack(Sluice_V1_IngestResponse.self)
          #expect(detail?.results.map(\.outcome) == [.unspecified, .rejected, .unspecified])
          #expect(detail?.results[1].violations.map(\.field) == ["type"])
          #expect(try await EventTable.rowCount(database) == 0)

          request.atomic = false
          let partial = try await service.ingest.ingest(request)
          #expect(partial.results.map(\.outcome) == [.accepted, .rejected, .accepted])
          #expect(partial.accepted == 2 && partial.rejected == 1)
          #expect(partial.results[1].violations.map(\.field) == ["type"])
          #expect(try await EventTable.rowsPerID(database, stream: "orders") == ["good1": 1, "good2": 1])

          let whole = try await service.ingest.ingest(TestEvents.request(["good3", "good4"], atomic: true))
          #expect(whole.accepted == 2)
          #expect(try await EventTable.rowCount(database) == 4)
        }
      }
    }

    @Test("two servers on one database: a tail on one sees events ingested through the other")
    func twoServersShareOneDatabase() async throws {
      try await EventTable.withFreshDatabase { _, url in
        // Both start at once, so both apply the migrations at once.
        let configuration = RunningService.configuration(databaseURL: url)
        let services = try await RunningService.startAll([configuration, configuration])
        let (a, b) = (services[0], services[1])
        do {
          var tail = Sluice_V1_TailEventsRequest()
          tail.stream = "orders"
          tail.start = .afterSequence(0)
          // A server-streaming call returns once the response headers arrive, which the
          // server sends with the first event: open the tail concurrently with the ingests.
          let tailRequest = tail
          async let tailed: [String] = {
            let stream = try await a.query.tailEvents(tailRequest, options: CallOptions(timeout: .seconds(60)))
            var ids: [String] = []
            for try await message in stream {
              ids.append(message.event?.id ?? "")
              if ids.count == 5 { break }
            }
            return ids
          }()
          _ = try await b.ingest.ingest(TestEvents.request(["b1", "b2"]))
          _ = try await b.ingest.ingest(TestEvents.request(["x1"], stream: "payments"))
          _ = try await b.ingest.ingest(TestEvents.request(["b3", "b4", "b5"]))
          #expect(try await tailed == ["b1", "b2", "b3", "b4", "b5"])

          _ = try await a.ingest.ingest(TestEvents.request(["a1"], stream: "payments"))
          let onA = try await a.query.countEvents(TestEvents.countRequest(streams: ["orders"])).buckets
          #expect(onA.reduce(0) { $0 + $1.count } == 5)
          let onB = try await b.query.countEvents(TestEvents.countRequest(streams: ["payments"])).buckets
          #expect(onB.reduce(0) { $0 + $1.count } == 2)
          var get = Sluice_V1_GetEventRequest()
          get.stream = "orders"
          get.id = "b4"
          #expect(try await a.query.getEvent(get).data == .textData("payload of b4"))
        } catch {
          await a.stop()
          await b.stop()
          throw error
        }
        await a.stop()
        await b.stop()
      }
    }
  }
}
