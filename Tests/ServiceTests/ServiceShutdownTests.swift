import SluiceApp
import SluiceGenerated
import SluiceRuntime
import Testing

extension SluiceServiceSuite {
  /// What `shutdown()` does to calls in progress.
  @Suite("Shutdown")
  struct Shutdown {
    @Test("shutdown lets an in-flight ingest commit and ends open tails without waiting out the grace period")
    func shutdownFinishesCallsAndEndsTails() async throws {
      try await EventTable.withFreshDatabase { database, url in
        var configuration = RunningService.configuration(databaseURL: url)
        configuration.shutdownGracePeriod = .seconds(30)
        let running = try await RunningService.start(configuration)
        let received = Locked<[String]>([])
        let tail = Task { () -> RPCError? in
          var request = Sluice_V1_TailEventsRequest()
          request.stream = "orders"
          request.start = .afterSequence(0)
          do {
            let stream = try await running.query.tailEvents(request, options: CallOptions(timeout: .seconds(120)))
            for try await message in stream {
              received.update { $0.append(message.event?.id ?? "") }
            }
            return nil
          } catch {
            return RPCError(error)
          }
        }
        do {
          _ = try await running.ingest.ingest(TestEvents.request(["t1"]))
          let giveUp = ContinuousClock.now + .seconds(60)
          while received.value.isEmpty && ContinuousClock.now < giveUp {
            try await Task.sleep(for: .milliseconds(20))
          }
          #expect(received.value == ["t1"])

          // An ingest waits on the locked table when shutdown begins; it commits once the
          // lock goes, within the grace period.
          let lock = try await TableLock.acquire(database)
          let inFlight = Task {
            try await running.ingest.ingest(TestEvents.request(["f1"]), options: CallOptions(timeout: .seconds(60)))
          }
          try? await Task.sleep(for: .milliseconds(200))
          let shutdownStarted = ContinuousClock.now
          let stopping = Task { await running.service.shutdown() }
          try? await Task.sleep(for: .milliseconds(500))
          await lock.release()
          let response = try await inFlight.value
          #expect(response.accepted == 1)
          await stopping.value
          #expect(
            shutdownStarted.duration(to: .now) < .seconds(15),
            "shutdown took \(shutdownStarted.duration(to: .now)) of its 30 s grace period")
          let tailError = await tail.value
          let tailEnd = tailError.map(String.init(describing:)) ?? "OK"
          #expect(tailError?.code == .unavailable, "the tail ended with \(tailEnd)")
        } catch {
          tail.cancel()
          await running.stop()
          throw error
        }
        await running.stop()
        #expect(try await EventTable.rowsPerID(database, stream: "orders") == ["t1": 1, "f1": 1])
      }
    }
  }
}
