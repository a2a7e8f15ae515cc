import SluiceApp
import SluiceGenerated
import SluiceRuntime
import Testing

extension SluiceServiceSuite {
  /// Tails never miss an acknowledged event.
  @Suite("Tails")
  struct Tails {
    @Test("a write that commits late, behind another transaction's lock, still reaches tails")
    func lateCommitsAreNotSkipped() async throws {
      try await EventTable.withFreshDatabase { database, url in
        var configuration = RunningService.configuration(databaseURL: url)
        configuration.writersMinimum = 2
        configuration.writersMaximum = 2
        try await RunningService.with(configuration) { service in
          _ = try await service.ingest.ingest(TestEvents.request(["first"]))
          let received = Locked<[String]>([])
          let tail = Task {
            var request = Sluice_V1_TailEventsRequest()
            request.stream = "orders"
            request.start = .afterSequence(0)
            let stream = try await service.query.tailEvents(request, options: CallOptions(timeout: .seconds(60)))
            for try await message in stream {
              received.update { $0.append(message.event?.id ?? "") }
            }
          }
          defer { tail.cancel() }

          // Another transaction holds "x": the batch [y, x] takes its sequence numbers, then
          // waits on that lock, while "z" (a higher sequence) commits through the other
          // writer. Tails must not read past y and x while their transaction is open.
          let lock = try await HeldRowLock.acquire(database, stream: "orders", id: "x")
          let blocked = Task {
            try await service.ingest.ingest(TestEvents.request(["y", "x"]), options: CallOptions(timeout: .seconds(30)))
          }
          try? await Task.sleep(for: .milliseconds(100))
          let z = await Task { try await service.ingest.ingest(TestEvents.request(["z"])) }.result
          try? await Task.sleep(for: .seconds(2))
          await lock.finish(commit: false)
          #expect(try z.get().accepted == 1)
          // Nothing past the open transaction's numbers may have been delivered yet.
          #expect(!received.value.contains("z"), "the tail read past the open transaction")
          var lateFirst = true
          if case .failure(let error) = await blocked.result {
            // The lock outlasted InnoDB's lock wait timeout (a slow machine): retry, as a
            // client would; the retry's events come after z.
            #expect(RPCError(error).code == .unavailable, "\(error)")
            #expect(try await service.ingest.ingest(TestEvents.request(["y", "x"])).accepted == 2)
            lateFirst = false
          }
          let giveUp = ContinuousClock.now + .seconds(30)
          while received.value.count < 4 && ContinuousClock.now < giveUp {
            try await Task.sleep(for: .milliseconds(50))
          }
          // Let a late straggler show up before comparing.
          try await Task.sleep(for: .seconds(2))
          #expect(received.value == (lateFirst ? ["first", "y", "x", "z"] : ["first", "z", "y", "x"]))
          #expect(try await EventTable.rowsPerID(database, stream: "orders") == ["first": 1, "z": 1, "y": 1, "x": 1])
        }
      }
    }

    @Test("a server that starts while another one's write is in flight does not let tails read past it")
    func serverStartingMidWriteWaitsForSettling() async throws {
      try await EventTable.withFreshDatabase { database, url in
        var configuration = RunningService.configuration(databaseURL: url)
        configuration.writersMinimum = 2
        configuration.writersMaximum = 2
        let settings = configuration
        try await RunningService.with(settings) { b in
          _ = try await b.ingest.ingest(TestEvents.request(["first"]))
          // On B: [y, x] takes its sequence numbers and waits on the lock; z commits after it.
          let lock = try await HeldRowLock.acquire(database, stream: "orders", id: "x")
          let lockedAt = ContinuousClock.now
          let blocked = Task {
            try await b.ingest.ingest(TestEvents.request(["y", "x"]), options: CallOptions(timeout: .seconds(30)))
          }
          let received = Locked<[String]>([])
          let a: RunningService
          let tail: Task<Void, any Error>
          do {
            try? await Task.sleep(for: .milliseconds(100))
            #expect(try await b.ingest.ingest(TestEvents.request(["z"])).accepted == 1)
            // A starts now: the highest sequence it first sees (z's) is not settled yet.
            a = try await RunningService.start(settings)
            tail = Task {
              var request = Sluice_V1_TailEventsRequest()
              request.stream = "orders"
              request.start = .afterSequence(0)
              let stream = try await a.query.tailEvents(request, options: CallOptions(timeout: .seconds(60)))
              for try await message in stream {
                received.update { $0.append(message.event?.id ?? "") }
              }
            }
            while !received.value.contains("z") && lockedAt.duration(to: .now) < .milliseconds(1_500) {
              try? await Task.sleep(for: .milliseconds(20))
            }
          } catch {
            await lock.finish(commit: false)
            throw error
          }
          await lock.finish(commit: false)
          if case .failure(let error) = await blocked.result {
            // The lock outlasted InnoDB's lock wait timeout (a slow machine): retry, as a
            // client would.
            #expect(RPCError(error).code == .unavailable, "\(error)")
            _ = try await b.ingest.ingest(TestEvents.request(["y", "x"]))
          }
          let giveUp = ContinuousClock.now + .seconds(30)
          while received.value.count < 4 && ContinuousClock.now < giveUp {
            try? await Task.sleep(for: .milliseconds(50))
          }
          try? await Task.sleep(for: .seconds(1))
          tail.cancel()
          await a.stop()
          #expect(Set(received.value) == ["first", "y", "x", "z"] && received.value.count == 4, "\(received.value)")
        }
      }
    }
  }
}
