import Foundation
@testable import SluiceStandardServices
import Testing

/// grpcio-health-checking's client against `grpc.health.v1.Health` over h2c.
@Suite(.timeLimit(.minutes(2))) struct HealthInteropTests {
  @Test func grpcioHealthClientChecksAndWatchesChanges() async throws {
    let server = try await TestServer.start()
    let ready = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-health-\(UUID().uuidString).ready")
    defer { try? FileManager.default.removeItem(at: ready) }
    async let client = runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("standard_services_health.py").path,
      "--port", String(server.port), "--ready-file", ready.path,
    ])
    // The client creates `ready` once both of its Watch calls have their first status.
    // If it never does, its case fails on its own; give it a generous while.
    let deadline = ContinuousClock.now.advanced(by: .seconds(20))
    while !FileManager.default.fileExists(atPath: ready.path), ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    server.health.setStatus(.notServing, forService: "grpc.testing.TestService")
    server.health.setStatus(.serving, forService: "sluice.test.Later")
    let output = try await client
    // The client cancelled its watches: the server ends their calls and forgets them.
    let watchesEnded = await eventually { server.health.watcherCount == 0 }
    await server.stop()
    print(output.stdout)
    #expect(output.stdout.contains("4 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
    #expect(watchesEnded, "\(server.health.watcherCount) Watch calls left")
  }
}

/// Whether `condition` holds within a few seconds.
func eventually(_ condition: () -> Bool) async -> Bool {
  let deadline = ContinuousClock.now.advanced(by: .seconds(5))
  while !condition() {
    guard ContinuousClock.now < deadline else { return false }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return true
}
