import SluiceGenerated
import SluiceRuntime
@testable import SluiceStandardServices
import Testing

/// `grpc.health.v1.Health` through the in-process transport.
@Suite(.timeLimit(.minutes(1))) struct HealthServiceTests {
  typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus

  let provider = HealthStatusProvider()
  let client: Grpc_Health_V1_Health.Client

  init() throws {
    client = Grpc_Health_V1_Health.Client(
      transport: InProcessTransport(
        router: try RPCRouter(services: [HealthService(provider: provider)])))
  }

  func check(_ service: String) async throws(RPCError) -> Status {
    var request = Grpc_Health_V1_HealthCheckRequest()
    request.service = service
    return try await client.check(request).status
  }

  func watch(_ service: String) async throws
    -> RPCResponseStream<Grpc_Health_V1_HealthCheckResponse>
  {
    var request = Grpc_Health_V1_HealthCheckRequest()
    request.service = service
    return try await client.watch(request)
  }

  /// Waits up to a few seconds for `condition`.
  func eventually(_ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while !condition() {
      guard ContinuousClock.now < deadline else { return false }
      try await Task.sleep(for: .milliseconds(10))
    }
    return true
  }

  @Test func checkAnswersKnownServicesAndTheServer() async throws {
    #expect(try await check("") == .serving)
    provider.setStatus(.serving, forService: "shop.v1.OrderService")
    #expect(try await check("shop.v1.OrderService") == .serving)
    provider.setStatus(.notServing, forService: "shop.v1.OrderService")
    #expect(try await check("shop.v1.OrderService") == .notServing)
    provider.setStatus(.unknown, forService: "")
    #expect(try await check("") == .unknown)
  }

  @Test func checkFailsWithNotFoundForUnknownServices() async throws {
    await #expect(throws: RPCError(code: .notFound, message: "unknown service \"shop.v1.Nope\"")) {
      try await check("shop.v1.Nope")
    }
    provider.setStatus(.serving, forService: "shop.v1.Gone")
    provider.clearStatus(forService: "shop.v1.Gone")
    await #expect(throws: RPCError(code: .notFound, message: "unknown service \"shop.v1.Gone\"")) {
      try await check("shop.v1.Gone")
    }
  }

  @Test func watchSendsTheStatusAtOnceThenEveryChange() async throws {
    provider.setStatus(.serving, forService: "svc")
    let updates = try await watch("svc")
    var iterator = updates.makeAsyncIterator()
    #expect(try await iterator.next()?.status == .serving)
    provider.setStatus(.notServing, forService: "svc")
    #expect(try await iterator.next()?.status == .notServing)
    // Setting the same status again is no change; the next message is the next change.
    provider.setStatus(.notServing, forService: "svc")
    provider.setStatus(.serving, forService: "other")
    provider.setStatus(.serving, forService: "svc")
    #expect(try await iterator.next()?.status == .serving)
    provider.clearStatus(forService: "svc")
    #expect(try await iterator.next()?.status == .serviceUnknown)
    updates.cancel()
  }

  @Test func watchOfAnUnknownServiceStaysOpenUntilItIsKnown() async throws {
    let updates = try await watch("later")
    var iterator = updates.makeAsyncIterator()
    #expect(try await iterator.next()?.status == .serviceUnknown)
    provider.setStatus(.serving, forService: "later")
    #expect(try await iterator.next()?.status == .serving)
    updates.cancel()
  }

  @Test func watchOfTheServerAndGracefulShutdown() async throws {
    provider.setStatus(.serving, forService: "svc")
    let server = try await watch("")
    let service = try await watch("svc")
    var serverUpdates = server.makeAsyncIterator()
    var serviceUpdates = service.makeAsyncIterator()
    #expect(try await serverUpdates.next()?.status == .serving)
    #expect(try await serviceUpdates.next()?.status == .serving)

    provider.enterGracefulShutdown()
    #expect(provider.isShuttingDown)
    #expect(try await serverUpdates.next()?.status == .notServing)
    #expect(try await serviceUpdates.next()?.status == .notServing)

    // Later updates are ignored: statuses stay NOT_SERVING, unknown services unknown.
    provider.setStatus(.serving, forService: "svc")
    provider.setStatus(.serving, forService: "new")
    provider.clearStatus(forService: "svc")
    #expect(try await check("svc") == .notServing)
    #expect(try await check("") == .notServing)
    await #expect(throws: RPCError.self) { try await check("new") }
    server.cancel()
    service.cancel()
  }

  @Test func cancelledWatchesLeaveNothingBehind() async throws {
    provider.setStatus(.serving, forService: "svc")
    var streams: [RPCResponseStream<Grpc_Health_V1_HealthCheckResponse>] = []
    for index in 0..<200 {
      let updates = try await watch(index.isMultiple(of: 2) ? "svc" : "unknown-\(index)")
      var iterator = updates.makeAsyncIterator()
      _ = try await iterator.next()
      streams.append(updates)
    }
    #expect(provider.watcherCount == 200)
    provider.setStatus(.notServing, forService: "svc")
    for stream in streams { stream.cancel() }
    #expect(try await eventually { provider.watcherCount == 0 })
    // Dropping a stream without reading its update also ends its call.
    streams = []
    for _ in 0..<20 {
      _ = try await watch("svc")
    }
    #expect(try await eventually { provider.watcherCount == 0 })
  }

  @Test func watchesFollowConcurrentUpdatesToTheLastOne() async throws {
    let updates = try await watch("busy")
    var iterator = updates.makeAsyncIterator()
    #expect(try await iterator.next()?.status == .serviceUnknown)
    await withTaskGroup(of: Void.self) { group in
      for round in 0..<100 {
        group.addTask {
          provider.setStatus(round.isMultiple(of: 2) ? .serving : .notServing, forService: "busy")
        }
      }
    }
    provider.setStatus(.unknown, forService: "busy")
    // Intermediate statuses may be skipped, but the newest always arrives.
    var last: Status?
    while last != .unknown {
      let next = try await iterator.next()?.status
      #expect(next != last, "no status twice in a row")
      last = next
    }
    updates.cancel()
  }
}
