import Foundation
import SluiceServer
import Testing

/// Stock gRPC clients (python grpcio) against the server over h2c.
@Suite struct InteropTests {
  /// Default limits, and a server that holds back flow-control credit as soon as a
  /// handler leaves a byte unread (exercising the pause and resume path).
  @Test(arguments: [4 << 20, 1])
  func grpcioInteropCasesPass(maxBufferedRequestBytes: Int) async throws {
    let server = try await TestServer.start(
      configuration: ServerConfiguration(maxBufferedRequestBytes: maxBufferedRequestBytes))
    let output = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("interop_client.py").path,
      "--port", String(server.port), "--schemas", TestServer.schemas.path,
    ])
    await server.stop()
    print(output.stdout)
    #expect(output.stdout.contains("15 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }

  @Test func badInputIsAnsweredAndServingContinues() async throws {
    let server = try await TestServer.start()
    let output = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("bad_input.py").path,
      "--port", String(server.port),
    ])
    await server.stop()
    print(output.stdout)
    #expect(output.stdout.contains("4 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }
}
