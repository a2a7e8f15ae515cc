import SluiceApp
import SluiceGenerated
import SluiceRuntime
import Testing

extension SluiceServiceSuite {
  /// What calls see while the database is stalled (its table locked by another session).
  @Suite("Backpressure and deadlines")
  struct Backpressure {
    /// How one call ended.
    struct CallOutcome: Sendable {
      var id: String
      var error: RPCError?
      var finished: ContinuousClock.Instant
    }

    @Test("a full writer queue fails calls at once with RESOURCE_EXHAUSTED and stores nothing of them")
    func fullQueueFailsFast() async throws {
      try await EventTable.withFreshDatabase { database, url in
        var configuration = RunningService.configuration(databaseURL: url)
        configuration.writersMinimum = 1
        configuration.writersMaximum = 1
        configuration.writerQueueBound = 2
        try await RunningService.with(configuration) { service in
          _ = try await service.ingest.ingest(TestEvents.request(["warm-up"]))
          let lock = try await TableLock.acquire(database)
          let outcomes = Locked<[CallOutcome]>([])
          let calls = (0..<12).map { number in
            Task {
              let id = "q\(number)"
              do {
                _ = try await service.ingest.ingest(
                  TestEvents.request([id]), options: CallOptions(timeout: .seconds(60)))
                outcomes.update { $0.append(CallOutcome(id: id, error: nil, finished: .now)) }
              } catch {
                outcomes.update { $0.append(CallOutcome(id: id, error: RPCError(error), finished: .now)) }
              }
            }
          }
          // One call is in the stalled writer's batch (two at most) and two wait in the
          // queue: at least eight of twelve must be refused while the table is locked.
          let giveUp = ContinuousClock.now + .seconds(30)
          while outcomes.value.count < 8 && ContinuousClock.now < giveUp {
            try? await Task.sleep(for: .milliseconds(20))
          }
          let releasedAt = ContinuousClock.now
          let refusedWhileStalled = outcomes.value
          await lock.release()
          for call in calls { await call.value }

          #expect(refusedWhileStalled.count >= 8, "only \(refusedWhileStalled.count) calls ended while stalled")
          #expect(refusedWhileStalled.allSatisfy { $0.error?.code == .resourceExhausted && $0.finished <= releasedAt })
          let all = outcomes.value
          let refused = Set(all.filter { $0.error != nil }.map(\.id))
          let accepted = Set(all.filter { $0.error == nil }.map(\.id))
          #expect(all.allSatisfy { $0.error == nil || $0.error?.code == .resourceExhausted })
          #expect(accepted.count == 12 - refused.count && !accepted.isEmpty)
          let rows = try await EventTable.rowsPerID(database, stream: "orders")
          #expect(Set(rows.keys) == accepted.union(["warm-up"]) && rows.values.allSatisfy { $0 == 1 })
        }
      }
    }

    @Test("a 200 ms deadline ends the call quickly over gRPC and Connect; the retry lands once")
    func deadlinesHoldWhileTheDatabaseStalls() async throws {
      try await EventTable.withFreshDatabase { database, url in
        try await RunningService.with(RunningService.configuration(databaseURL: url)) { service in
          _ = try await service.ingest.ingest(TestEvents.request(["warm-up"]))
          let lock = try await TableLock.acquire(database)
          do {
            let started = ContinuousClock.now
            let failure = await #expect(throws: RPCError.self) {
              _ = try await service.ingest.ingest(
                TestEvents.request(["d1"]), options: CallOptions(timeout: .milliseconds(200)))
            }
            #expect([.deadlineExceeded, .unavailable].contains(failure?.code))
            #expect(started.duration(to: .now) < .seconds(5))

            // curl sets no deadline of its own (beyond --max-time 30): the server must end
            // the call by itself.
            let connectStarted = ContinuousClock.now
            let json = try TestEvents.request(["d2"]).jsonString()
            let response = try await Curl.post(
              service.baseURL + "/sluice.v1.IngestService/Ingest", json: json,
              ["-H", "connect-timeout-ms: 200"])
            #expect(connectStarted.duration(to: .now) < .seconds(5))
            #expect([504, 503].contains(response.status), "\(response.status) \(response.body)")
            let code = try response.json["code"] as? String
            #expect(["deadline_exceeded", "unavailable"].contains(code), "\(response.body)")

            var query = Sluice_V1_QueryEventsRequest()
            query.stream = "orders"
            let queryStarted = ContinuousClock.now
            let queryFailure = await #expect(throws: RPCError.self) {
              _ = try await service.query.queryEvents(query, options: CallOptions(timeout: .milliseconds(200)))
            }
            #expect([.deadlineExceeded, .unavailable].contains(queryFailure?.code))
            #expect(queryStarted.duration(to: .now) < .seconds(5))
          } catch {
            await lock.release()
            throw error
          }
          await lock.release()

          // The failed calls may or may not have landed; their retries say which, and
          // every event is stored once.
          let retry = try await service.ingest.ingest(
            TestEvents.request(["d1", "d2"]), options: CallOptions(timeout: .seconds(60)))
          #expect(retry.results.allSatisfy { $0.outcome == .accepted || $0.outcome == .duplicate })
          #expect(try await EventTable.rowsPerID(database, stream: "orders") == ["warm-up": 1, "d1": 1, "d2": 1])
          var query = Sluice_V1_QueryEventsRequest()
          query.stream = "orders"
          let page = try await service.query.queryEvents(query, options: CallOptions(timeout: .seconds(30)))
          #expect(Set(page.events.map(\.id)) == ["warm-up", "d1", "d2"])
        }
      }
    }
  }
}
