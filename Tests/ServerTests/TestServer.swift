import Foundation
import SluiceGenerated
import SluiceRuntime
import SluiceServer
import SluiceStandardServices
import sluice_interop_server

/// An interop server on an ephemeral port for one test, and helpers to run clients.
struct TestServer {
  let server: Server
  let port: Int
  /// The statuses the server's `grpc.health.v1.Health` reports; tests may change them.
  let health: HealthStatusProvider

  /// Starts the interop services on 127.0.0.1:0: `grpc.testing.TestService`, health
  /// checking (the server and the test service serving) and server reflection (v1 and
  /// v1alpha).
  static func start(configuration: ServerConfiguration = ServerConfiguration(port: 0))
    async throws -> TestServer
  {
    var configuration = configuration
    configuration.port = 0
    let health = HealthStatusProvider()
    health.setStatus(.serving, forService: InteropTestService.serviceDescriptor.fullName)
    let services: [any RPCService] = [InteropTestService(), HealthService(provider: health)]
    let server = try Server(
      configuration: configuration,
      services: services + ServerReflection.services(describing: services))
    let (_, port) = try await server.start()
    return TestServer(server: server, port: port, health: health)
  }

  func stop() async {
    await server.shutdown(gracePeriod: .seconds(1))
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas")
}

/// The result of a finished process.
struct ProcessOutput {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `arguments` (the first is looked up in PATH) to completion off the cooperative pool.
func runProcess(_ arguments: [String]) async throws -> ProcessOutput {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
        return
      }
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      continuation.resume(
        returning: ProcessOutput(
          status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
          stderr: String(decoding: stderr, as: UTF8.self)))
    }
  }
}
