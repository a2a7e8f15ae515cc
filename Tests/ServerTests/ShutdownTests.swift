import Foundation
import SluiceServer
import Testing

/// Graceful shutdown: GOAWAY, then close.
@Suite struct ShutdownTests {
  @Test func shutdownStopsAcceptingConnections() async throws {
    let server = try await TestServer.start()
    let port = server.port
    let before = try await runProcess([
      "curl", "-sS", "--http2-prior-knowledge", "-H", "content-type: application/json", "-d", "{}",
      "http://127.0.0.1:\(port)/grpc.testing.TestService/EmptyCall",
    ])
    #expect(before.stdout == "{}")
    await server.stop()
    let after = try await runProcess([
      "curl", "-sS", "--max-time", "2", "http://127.0.0.1:\(port)/",
    ])
    #expect(after.status != 0)
  }

  @Test func inFlightCallsFinishDuringGracefulShutdown() async throws {
    let server = try await TestServer.start()
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-marker-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: marker) }
    async let client = runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("slow_stream.py").path,
      "--port", String(server.port), "--marker", marker.path,
    ])
    var waited = 0
    while !FileManager.default.fileExists(atPath: marker.path) && waited < 1_000 {
      try await Task.sleep(for: .milliseconds(10))
      waited += 1
    }
    await server.server.shutdown(gracePeriod: .seconds(10))
    let output = try await client
    #expect(output.stdout.contains("received 8"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }

  @Test func runReturnsAfterShutdown() async throws {
    let server = try await TestServer.start()
    async let running: Void = server.server.run()
    try await Task.sleep(for: .milliseconds(50))
    await server.stop()
    try await running
  }
}
