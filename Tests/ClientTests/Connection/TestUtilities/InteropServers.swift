import Foundation
import NIOPosix
import SluiceClient
import SluiceRuntime
import SluiceServer
import SluiceTestSupport
import SluiceTransport
import sluice_interop_server

/// Sluice's own interop server (`grpc.testing.TestService`), in process on an ephemeral
/// port, over h2c or TLS.
struct SluiceInteropServer {
  let server: Server
  let port: Int

  static func start(
    tls: Bool = false, requireClientCertificate: Bool = false,
    configure: (inout ServerConfiguration) -> Void = { _ in }
  ) async throws -> SluiceInteropServer {
    let pki = TLSTestPKI.shared
    var configuration = ServerConfiguration(port: 0, tlsReloadPollInterval: nil)
    if tls {
      configuration.tls = TLSServerConfiguration(
        certificateChainFile: pki.server.certificate, privateKeyFile: pki.server.key,
        clientCAFile: requireClientCertificate ? pki.caCertificate : nil,
        requireClientCertificate: requireClientCertificate)
    }
    configure(&configuration)
    let server = try Server(configuration: configuration, services: [InteropTestService()])
    let (_, port) = try await server.start()
    return SluiceInteropServer(server: server, port: port)
  }

  func stop() async {
    await server.shutdown(gracePeriod: .seconds(1))
  }
}

/// `Fixtures/interop_server.py`: grpcio serving `grpc.testing.TestService`, in a child
/// process that ends when its stdin closes or on SIGTERM.
final class PythonInteropServer: @unchecked Sendable {
  let port: Int
  private let process: Process
  private let input: Pipe

  private init(port: Int, process: Process, input: Pipe) {
    self.port = port
    self.process = process
    self.input = input
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Schemas")

  static func start(tls: Bool) async throws -> PythonInteropServer {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = [
      "python3", fixtures.appendingPathComponent("interop_server.py").path,
      "--schemas", schemas.path,
    ]
    if tls {
      let pki = TLSTestPKI.shared
      arguments += ["--tls-cert", pki.server.certificate, "--tls-key", pki.server.key]
    }
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
      DispatchQueue.global().async {
        var bytes: [UInt8] = []
        while true {
          let chunk = output.fileHandleForReading.readData(ofLength: 1)
          guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
          bytes.append(byte)
        }
        continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
      }
    }
    guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
      try? input.fileHandleForWriting.close()
      process.terminate()
      throw InteropCase.Failure(description: "interop_server.py did not start: \(line)")
    }
    return PythonInteropServer(port: port, process: process, input: input)
  }

  /// Ends the server and waits for it without blocking a thread of the cooperative pool:
  /// closing stdin is not enough when a sibling child inherited the pipe, so SIGTERM it,
  /// and SIGKILL it if it is still running after 10 s.
  func stop() async {
    try? input.fileHandleForWriting.close()
    process.terminate()
    for _ in 0..<200 where process.isRunning {
      try? await Task.sleep(for: .milliseconds(50))
    }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
    }
  }
}

/// A channel to 127.0.0.1:`port`, over TLS trusting the test CA when `tls`.
func makeTransport(
  port: Int, tls: Bool, identity: TLSTestPKI.Identity? = nil,
  configuration: HTTP2ClientConnection.Configuration = HTTP2ClientConnection.Configuration()
) throws -> ClientChannel {
  var channelConfiguration = ClientChannel.Configuration(
    security: tls ? .tls(TLSTestPKI.shared.clientConfiguration(identity: identity)) : .plaintext)
  channelConfiguration.connection = configuration
  return try ClientChannel(
    target: .addresses([.ipv4(host: "127.0.0.1", port: port)]), configuration: channelConfiguration)
}

/// A single connection to 127.0.0.1:`port` (a transport too), over TLS trusting the test
/// CA when `tls`.
func makeConnection(port: Int, tls: Bool) throws -> HTTP2ClientConnection {
  var security = HTTP2ClientConnection.Security.plaintext
  if tls {
    let context = try TLSContext(configuration: TLSTestPKI.shared.clientConfiguration(identity: nil))
    security = .tls(context, serverName: nil)
  }
  return HTTP2ClientConnection(
    target: .host("127.0.0.1", port: port), security: security,
    eventLoop: MultiThreadedEventLoopGroup.singleton.next())
}
