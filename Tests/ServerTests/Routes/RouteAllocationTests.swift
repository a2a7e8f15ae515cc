import CAllocationCounter
import Foundation
import SluiceRuntime
import SluiceServer
import Testing

/// A unary method that echoes, and one that reports its thread's allocation count.
private struct RouteProbeService: RPCService {
  static let echo = MethodDescriptor(
    service: "sluice.test.RouteProbe", method: "Echo", kind: .unary, inputType: "bytes",
    outputType: "bytes")
  static let allocations = MethodDescriptor(
    service: "sluice.test.RouteProbe", method: "Allocations", kind: .unary, inputType: "bytes",
    outputType: "bytes")
  static let serviceDescriptor = ServiceDescriptor(
    fullName: "sluice.test.RouteProbe", methods: [echo, allocations])

  func handlers() -> [RPCHandler] {
    [
      RPCHandler(method: Self.echo, body: .unary { request, _, _ in request }),
      RPCHandler(
        method: Self.allocations,
        body: .unary { _, _, _ in Array("\(csluice_thread_allocations())".utf8) }),
    ]
  }
}

/// Routes cost RPCs nothing: a unary gRPC call allocates as much on the I/O thread with
/// routes registered as without.
@Suite struct RouteAllocationTests {
  private static let calls = 10_000

  /// I/O-thread allocations per unary gRPC call (h2load) on a one-thread server.
  private func allocationsPerCall(routes: [HTTPRoute]) async throws -> Double {
    let server = try Server(
      configuration: ServerConfiguration(port: 0, eventLoopThreads: 1),
      services: [RouteProbeService()], routes: routes)
    let (_, port) = try await server.start()
    let body = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-routes-empty-\(port).grpc")
    try Data([0, 0, 0, 0, 0]).write(to: body)
    defer { try? FileManager.default.removeItem(at: body) }
    func count() async throws -> UInt64 {
      let output = try await runProcess([
        "curl", "-sS", "--http2-prior-knowledge", "-H", "content-type: application/proto",
        "--data-binary", "", "http://127.0.0.1:\(port)/sluice.test.RouteProbe/Allocations",
      ])
      return UInt64(output.stdout) ?? 0
    }
    let before = try await count()
    let load = try await runProcess([
      "h2load", "-n", String(Self.calls), "-c", "4", "-m", "10", "-t", "1",
      "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", body.path,
      "http://127.0.0.1:\(port)/sluice.test.RouteProbe/Echo",
    ])
    let after = try await count()
    await server.shutdown(gracePeriod: .seconds(1))
    #expect(load.stdout.contains("\(Self.calls) succeeded"), "\(load.stdout)")
    #expect(before > 0 && after > before)
    return Double(after - before) / Double(Self.calls)
  }

  @Test func routesAddNoAllocationsToRPCs() async throws {
    let without = try await allocationsPerCall(routes: [])
    let with = try await allocationsPerCall(routes: [
      HTTPRoute(path: "/metrics") { _ in .text("") },
      .health { true },
      HTTPRoute(path: "/sluice.test.RouteProbe/Echo2") { _ in .text("") },
    ])
    print("I/O-thread allocations per unary gRPC call: \(without) without routes, \(with) with")
    // Counts are deterministic to about 0.01 per call; a regression adds whole ones.
    #expect(with < without + 0.5)
  }
}
