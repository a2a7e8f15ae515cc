import Foundation
import SluiceServer
import Testing

/// Runs cases of a `Fixtures/connection_*.py` script against a fresh interop server.
enum ConnectionScript {
  /// Starts a server with `configuration`, runs `cases` of `script` (with `arguments`),
  /// stops the server, and records an issue unless every case passed.
  static func expectPass(
    _ script: String, cases: [String],
    configuration: ServerConfiguration = ServerConfiguration(port: 0),
    arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let server = try await TestServer.start(configuration: configuration)
    let output: ProcessOutput
    do {
      output = try await runProcess(
        ["python3", TestServer.fixtures.appendingPathComponent(script).path,
         "--port", String(server.port), "--cases", cases.joined(separator: ",")] + arguments)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
    print(output.stdout)
    #expect(
      output.stdout.contains("\(cases.count) passed, 0 failed"), "\(output.stdout)\(output.stderr)",
      sourceLocation: sourceLocation)
    #expect(output.status == 0, sourceLocation: sourceLocation)
  }
}
