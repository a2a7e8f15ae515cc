import CAllocationCounter
import Foundation
import NIOPosix
import SluiceRuntime
import SluiceServer
import Testing

/// Raw handlers that report where they run and what the I/O thread allocated.
private struct ProbeService: RPCService {
  static let echo = MethodDescriptor(
    service: "sluice.test.Probe", method: "Echo", kind: .unary, inputType: "bytes",
    outputType: "bytes")
  static let allocations = MethodDescriptor(
    service: "sluice.test.Probe", method: "Allocations", kind: .unary, inputType: "bytes",
    outputType: "bytes")
  static let serviceDescriptor = ServiceDescriptor(
    fullName: "sluice.test.Probe", methods: [echo, allocations])

  func handlers() -> [RPCHandler] {
    [
      RPCHandler(method: Self.echo, body: .unary { request, _, _ in request }),
      RPCHandler(
        method: Self.allocations,
        body: .unary { _, _, _ in
          // "<on I/O thread> <allocations of this thread>"
          let onLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
          return Array("\(onLoop) \(csluice_thread_allocations())".utf8)
        }),
    ]
  }
}

/// Unary calls stay on the connection's I/O thread; allocations per call are counted there.
@Suite struct AllocationTests {
  private func probe(_ port: Int) async throws -> (onLoop: Bool, allocations: UInt64) {
    let output = try await runProcess([
      "curl", "-sS", "--http2-prior-knowledge", "-H", "content-type: application/proto",
      "--data-binary", "", "http://127.0.0.1:\(port)/sluice.test.Probe/Allocations",
    ])
    let parts = output.stdout.split(separator: " ")
    return (parts.first == "true", parts.count == 2 ? UInt64(parts[1]) ?? 0 : 0)
  }

  @Test func unaryCallsRunOnTheIOThreadAndAllocateLittle() async throws {
    let server = try Server(
      configuration: ServerConfiguration(port: 0, eventLoopThreads: 1), services: [ProbeService()])
    let (_, port) = try await server.start()
    defer { Task { await server.shutdown(gracePeriod: .seconds(1)) } }
    let body = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-empty-\(port).grpc")
    try Data([0, 0, 0, 0, 0]).write(to: body)
    defer { try? FileManager.default.removeItem(at: body) }

    let calls = 20_000
    let before = try await probe(port)
    let load = try await runProcess([
      "h2load", "-n", String(calls), "-c", "4", "-m", "10", "-t", "1",
      "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", body.path,
      "http://127.0.0.1:\(port)/sluice.test.Probe/Echo",
    ])
    let after = try await probe(port)
    let perCall = Double(after.allocations - before.allocations) / Double(calls)
    // Baseline: calls answered from their headers alone (unknown method, no handler task).
    _ = try await runProcess([
      "h2load", "-n", String(calls), "-c", "4", "-m", "10", "-t", "1",
      "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", body.path,
      "http://127.0.0.1:\(port)/sluice.test.Probe/Missing",
    ])
    let rejected = try await probe(port)
    let perRejection = Double(rejected.allocations - after.allocations) / Double(calls)
    print("I/O-thread allocations per call answered UNIMPLEMENTED from headers: \(perRejection)")
    print("h2load: \(load.stdout.split(separator: "\n").filter { $0.contains("req/s") || $0.contains("succeeded") }.joined(separator: "; "))")
    print("I/O-thread allocations per unary gRPC call: \(perCall)")
    #expect(before.onLoop && after.onLoop)
    #expect(load.stdout.contains("\(calls) succeeded"))
    // A debug build; a regression guard rather than a target.
    #expect(perCall < 100)
  }
}
