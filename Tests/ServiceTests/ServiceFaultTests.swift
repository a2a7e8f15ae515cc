import SluiceGenerated
import SluiceMariaDB
import SluiceRuntime
import SluiceTestSupport
import Testing

extension SluiceServiceSuite {
  /// MariaDB or the broker killed with SIGKILL while clients ingest, then brought back.
  @Suite("Faults")
  struct Faults {
    /// The deadline of each call of the loads, and how long past it a call may end.
    static let callTimeout: Duration = .seconds(3)
    static let slack: Duration = .seconds(3)

    @Test(
      "MariaDB killed mid-ingest: failures are UNAVAILABLE or DEADLINE_EXCEEDED, every acknowledged event is stored once, ingestion resumes"
    )
    func databaseKilledMidIngest() async throws {
      try await PrivateMariaDB.with { mariadb in
        let database = try MariaDBConfiguration(url: mariadb.url)
        try await RunningService.with(RunningService.configuration(databaseURL: mariadb.url)) { service in
          let load = IngestLoad(
            client: service.ingest, stream: "orders", prefix: "k", batchSize: 20,
            timeout: Self.callTimeout)
          let killed: ContinuousClock.Instant
          let restarting: ContinuousClock.Instant
          do {
            #expect(await load.waitForAcknowledgedCalls(10, since: .now, timeout: .seconds(60)))
            try await mariadb.kill()
            killed = .now
            // Queries fail within their deadline too.
            let queryStarted = ContinuousClock.now
            let queryFailure = await #expect(throws: RPCError.self) {
              _ = try await service.query.countEvents(
                TestEvents.countRequest(), options: CallOptions(timeout: Self.callTimeout))
            }
            #expect([.unavailable, .deadlineExceeded].contains(queryFailure?.code))
            #expect(queryStarted.duration(to: .now) < Self.callTimeout + Self.slack)
            try await Task.sleep(for: .seconds(2))
            restarting = .now
            try await mariadb.restart()
            let resumed = await load.waitForAcknowledgedCalls(10, since: .now, timeout: .seconds(120))
            await load.stop()
            #expect(resumed, "ingestion did not resume after MariaDB came back\n\(service.log.text)")
          } catch {
            await load.stop()
            throw error
          }
          let calls = load.all
          checkFailures(calls)
          let whileDown = calls.filter { $0.started >= killed && $0.finished <= restarting }
          #expect(!whileDown.isEmpty && whileDown.allSatisfy { $0.error != nil })
          #expect(whileDown.contains { $0.error?.code == .unavailable })

          let rows = try await EventTable.rowsPerID(database, stream: "orders")
          let missing = load.acknowledgedIDs.subtracting(rows.keys)
          #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted().prefix(20))")
          #expect(rows.values.allSatisfy { $0 == 1 })
          #expect(Set(rows.keys).isSubset(of: Set(calls.flatMap(\.ids))))
          // Reads come back by themselves too (their connections reconnect with backoff).
          let buckets = try await eventually(timeout: .seconds(60)) {
            try await service.query.countEvents(
              TestEvents.countRequest(), options: CallOptions(timeout: .seconds(10))).buckets
          }
          #expect(buckets.reduce(0) { $0 + $1.count } == Int64(rows.count))
        }
      }
    }

    @Test(
      "broker killed mid-ingest: events acknowledged while it was up are in Kafka, calls fail UNAVAILABLE while it is down, ingestion resumes"
    )
    func brokerKilledMidIngest() async throws {
      try await PrivateBroker.with { broker in
        try await EventTable.withFreshDatabase { database, url in
          let configuration = RunningService.configuration(databaseURL: url, kafkaBrokers: broker.bootstrap)
          try await RunningService.with(configuration) { service in
            // The first broker: what was acknowledged is in it. (tansu keeps topics in memory,
            // so it is checked before the kill; a real cluster would keep it.)
            let before = IngestLoad(
              client: service.ingest, stream: "orders", prefix: "up", timeout: Self.callTimeout)
            let started = await before.waitForAcknowledgedCalls(10, since: .now, timeout: .seconds(60))
            await before.stop()
            #expect(started, "nothing was acknowledged with the broker up\n\(service.log.text)")
            let acknowledgedBefore = before.acknowledgedIDs
            let firstBroker = try await broker.consume(
              topic: "sluice.orders", count: acknowledgedBefore.count, idle: .seconds(2))
            let missingBefore = acknowledgedBefore.subtracting(firstBroker.compactMap { $0.header("ce_id") })
            #expect(missingBefore.isEmpty, "acknowledged but not in Kafka: \(missingBefore.sorted().prefix(20))")

            let load = IngestLoad(
              client: service.ingest, stream: "orders", prefix: "kill", timeout: Self.callTimeout)
            let killed: ContinuousClock.Instant
            let restarting: ContinuousClock.Instant
            let restarted: ContinuousClock.Instant
            do {
              #expect(await load.waitForAcknowledgedCalls(4, since: .now, timeout: .seconds(60)))
              try await broker.kill()
              killed = .now
              try await Task.sleep(for: .seconds(5))
              restarting = .now
              try await broker.restart()
              restarted = .now
              let resumed = await load.waitForAcknowledgedCalls(10, since: restarted, timeout: .seconds(120))
              await load.stop()
              #expect(resumed, "ingestion did not resume after the broker came back\n\(service.log.text)")
            } catch {
              await load.stop()
              throw error
            }
            let calls = before.all + load.all
            checkFailures(calls)
            let whileDown = calls.filter { $0.started >= killed && $0.finished <= restarting }
            #expect(!whileDown.isEmpty && whileDown.allSatisfy { $0.error != nil })
            #expect(whileDown.contains { $0.error?.code == .unavailable })

            // The second broker: every event of a call that started after it came up and
            // was acknowledged is in it.
            let acknowledgedAfter = Set(calls.filter { $0.error == nil && $0.started >= restarted }.flatMap(\.ids))
            let secondBroker = try await broker.consume(
              topic: "sluice.orders", count: acknowledgedAfter.count, idle: .seconds(2))
            let missingAfter = acknowledgedAfter.subtracting(secondBroker.compactMap { $0.header("ce_id") })
            #expect(missingAfter.isEmpty, "acknowledged but not in Kafka: \(missingAfter.sorted().prefix(20))")

            let rows = try await EventTable.rowsPerID(database, stream: "orders")
            let acknowledged = before.acknowledgedIDs.union(load.acknowledgedIDs)
            let missing = acknowledged.subtracting(rows.keys)
            #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted().prefix(20))")
            #expect(rows.values.allSatisfy { $0 == 1 })
          }
        }
      }
    }

    @Test("broker down at start-up: the service starts, calls fail UNAVAILABLE, ingestion begins when the broker comes")
    func brokerDownAtStartUp() async throws {
      try await PrivateBroker.with { broker in
        try await broker.kill()
        try await EventTable.withFreshDatabase { database, url in
          let configuration = RunningService.configuration(databaseURL: url, kafkaBrokers: broker.bootstrap)
          try await RunningService.with(configuration) { service in
            let load = IngestLoad(
              client: service.ingest, stream: "orders", prefix: "late", timeout: Self.callTimeout)
            let restarted: ContinuousClock.Instant
            do {
              try await Task.sleep(for: .seconds(4))
              try await broker.restart()
              restarted = .now
              let resumed = await load.waitForAcknowledgedCalls(10, since: restarted, timeout: .seconds(120))
              await load.stop()
              #expect(resumed, "ingestion did not begin after the broker came up\n\(service.log.text)")
            } catch {
              await load.stop()
              throw error
            }
            let calls = load.all
            checkFailures(calls)
            #expect(calls.contains { $0.error?.code == .unavailable && $0.finished < restarted })
            #expect(!calls.contains { $0.error == nil && $0.finished < restarted })
            // The log says the broker was down and came back, without a line for every
            // reconnection attempt (librdkafka retries every few hundred milliseconds).
            let log = service.log.all
            #expect(log.contains { $0.hasPrefix("kafka: Kafka health: down") }, "\(service.log.text)")
            #expect(log.contains { $0 == "kafka: Kafka health: up" }, "\(service.log.text)")
            let librdkafkaLines = log.filter { $0.hasPrefix("kafka: librdkafka") }
            #expect(librdkafkaLines.count <= 8, "\(service.log.text)")

            let acknowledged = load.acknowledgedIDs
            let records = try await broker.consume(topic: "sluice.orders", count: acknowledged.count, idle: .seconds(2))
            let missing = acknowledged.subtracting(records.compactMap { $0.header("ce_id") })
            #expect(missing.isEmpty, "acknowledged but not in Kafka: \(missing.sorted().prefix(20))")
            let rows = try await EventTable.rowsPerID(database, stream: "orders")
            #expect(acknowledged.subtracting(rows.keys).isEmpty && rows.values.allSatisfy { $0 == 1 })
          }
        }
      }
    }

    /// Every failed call failed with UNAVAILABLE or DEADLINE_EXCEEDED within its deadline;
    /// every OK call reported each event accepted or duplicate.
    private func checkFailures(_ calls: [IngestLoad.Call]) {
      for call in calls {
        if let error = call.error {
          #expect([.unavailable, .deadlineExceeded].contains(error.code), "\(error)")
          #expect(call.started.duration(to: call.finished) < Self.callTimeout + Self.slack)
        } else {
          #expect(call.outcomes.count == call.ids.count)
          #expect(call.outcomes.allSatisfy { $0 == .accepted || $0 == .duplicate })
        }
      }
    }
  }
}
