import SluiceClient
import SluiceGenerated
import SluiceRuntime
import Testing

/// gRPC's interop cases, driven by the generated client over a ``ClientChannel`` and over
/// a bare ``HTTP2ClientConnection``, against Sluice's server and grpcio's, over h2c and TLS.
@Suite struct InteropTests {
  /// The transports the cases run over.
  enum Transport: String, CaseIterable, Sendable {
    case channel
    case connection
  }

  /// Runs every case on one transport; returns the failures as `case: reason` lines.
  private func runAll(
    over kind: Transport, port: Int, tls: Bool, serverChecksCompression: Bool
  ) async throws -> [String] {
    let channel = kind == .channel ? try makeTransport(port: port, tls: tls) : nil
    let connection = kind == .connection ? try makeConnection(port: port, tls: tls) : nil
    defer {
      channel?.close()
      connection?.close()
    }
    let transport: any ClientTransport = channel ?? connection!
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

  @Test(arguments: [false, true], Transport.allCases)
  func againstSluice(tls: Bool, over kind: Transport) async throws {
    let server = try await SluiceInteropServer.start(tls: tls)
    let failures = try await runAll(over: kind, port: server.port, tls: tls, serverChecksCompression: true)
    await server.stop()
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }

  @Test(arguments: [false, true], Transport.allCases)
  func againstGRPCIO(tls: Bool, over kind: Transport) async throws {
    let server = try await PythonInteropServer.start(tls: tls)
    let failures: [String]
    do {
      failures = try await runAll(over: kind, port: server.port, tls: tls, serverChecksCompression: false)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
  }
}
