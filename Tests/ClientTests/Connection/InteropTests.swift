import SluiceClient
import SluiceGenerated
import SluiceRuntime
import Testing

/// gRPC's interop cases, driven by the generated client over ``HTTP2ClientTransport``,
/// against Sluice's server and grpcio's, over h2c and TLS.
@Suite struct InteropTests {
  /// Runs every case on one transport; returns the failures as `case: reason` lines.
  private func runAll(_ transport: HTTP2ClientTransport, serverChecksCompression: Bool) async -> [String] {
    let client = Grpc_Testing_TestService.Client(transport: transport)
    var failures: [String] = []
    for interopCase in InteropCase.allCases {
      do {
        try await interopCase.run(
          client, transport: transport, serverChecksCompression: serverChecksCompression)
      } catch {
        failures.append("\(interopCase.rawValue): \(error)")
      }
    }
    return failures
  }

  @Test(arguments: [false, true])
  func againstSluice(tls: Bool) async throws {
    let server = try await SluiceInteropServer.start(tls: tls)
    let transport = try makeTransport(port: server.port, tls: tls)
    let failures = await runAll(transport, serverChecksCompression: true)
    transport.close()
    await server.stop()
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }

  @Test(arguments: [false, true])
  func againstGRPCIO(tls: Bool) async throws {
    let server = try await PythonInteropServer.start(tls: tls)
    let failures: [String]
    do {
      let transport = try makeTransport(port: server.port, tls: tls)
      failures = await runAll(transport, serverChecksCompression: false)
      transport.close()
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}
