import Foundation
import Testing

/// Outside clients against the interop server: python connectrpc over HTTP/1.1 and h2c,
/// and raw-socket bad input over HTTP/1.1 and HTTP/2 with a second client served
/// throughout.
@Suite struct HTTP1FixtureTests {
  private func run(_ fixture: String, _ arguments: [String] = []) async throws -> ProcessOutput {
    let server = try await TestServer.start()
    let output = try await runProcess(
      ["python3", TestServer.fixtures.appendingPathComponent(fixture).path, "--port",
       String(server.port)] + arguments)
    await server.stop()
    return output
  }

  @Test(arguments: [1, 2], ["proto", "json"])
  func connectrpcClientCases(http: Int, codec: String) async throws {
    let output = try await run(
      "http1_connect_client.py",
      ["--schemas", TestServer.schemas.path, "--http", String(http), "--codec", codec])
    #expect(output.stdout.contains("11 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }

  @Test func badHTTP1InputIsAnsweredWhileOthersAreServed() async throws {
    let output = try await run("http1_bad_input.py")
    #expect(output.stdout.contains("17 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }

  @Test func badHTTP2InputIsAnsweredWhileOthersAreServed() async throws {
    let output = try await run("connect_h2_bad_input.py")
    #expect(output.stdout.contains("17 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }
}
