import Foundation
import SluiceRuntime
import SluiceServer
import SluiceTransport
import SluiceTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// TLS on the server's one port: stock clients (grpcio, curl, python's ssl) over TLS with
/// ALPN choosing h2 or HTTP/1.1, plaintext beside it, mutual TLS, handshake garbage and
/// certificate reload.
@Suite struct TLSServerTests {
  let pki = TLSTestPKI.shared

  private func configuration(
    _ identity: TLSTestPKI.Identity? = nil, requireClientCertificate: Bool = false,
    allowPlaintext: Bool = true
  ) -> ServerConfiguration {
    let identity = identity ?? pki.server
    return ServerConfiguration(
      port: 0,
      tls: TLSServerConfiguration(
        certificateChainFile: identity.certificate, privateKeyFile: identity.key,
        clientCAFile: requireClientCertificate ? pki.caCertificate : nil,
        requireClientCertificate: requireClientCertificate),
      allowPlaintext: allowPlaintext, tlsReloadPollInterval: nil)
  }

  /// A Connect JSON unary call with curl: exit status, HTTP status, HTTP version, and
  /// the response headers and body.
  private func curl(_ url: String, _ options: [String], body: String = #"{"responseSize": 3}"#)
    async throws -> (exit: Int32, status: Int, version: String, output: String)
  {
    let output = try await runProcess(
      ["curl", "-sS", "-D", "-", "-w", "\n%{http_code} %{http_version}"] + options + [
        "-H", "content-type: application/json", "-d", body, url,
      ])
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let last = (lines.last ?? "").split(separator: " ")
    return (
      output.status, Int(last.first ?? "") ?? 0, last.count > 1 ? String(last[1]) : "",
      lines.dropLast().joined(separator: "\n") + output.stderr
    )
  }

  private func unaryURL(_ port: Int, tls: Bool = true) -> String {
    "\(tls ? "https" : "http")://localhost:\(port)/grpc.testing.TestService/UnaryCall"
  }

  /// The serial number of the certificate a new TLS connection is served, read with
  /// python's `ssl`.
  private func servedSerial(_ port: Int) async throws -> String {
    let script = """
      import socket, ssl, sys
      context = ssl.create_default_context(cafile=sys.argv[2])
      with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10) as raw:
          with context.wrap_socket(raw, server_hostname="localhost") as tls:
              print(tls.getpeercert()["serialNumber"])
      """
    let output = try await runProcess(["python3", "-c", script, String(port), pki.caCertificate])
    return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + output.stderr
  }

  @Test func grpcioInteropCasesOverTLS() async throws {
    let server = try await TestServer.start(configuration: configuration())
    let output = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("interop_client.py").path,
      "--port", String(server.port), "--schemas", TestServer.schemas.path,
      "--tls-ca", pki.caCertificate,
    ])
    await server.stop()
    // Every case, as over h2c (InteropTests).
    #expect(output.stdout.contains("15 passed, 0 failed"), "\(output.stdout)\(output.stderr)")
    #expect(output.status == 0)
  }

  @Test(arguments: [false, true])
  func connectJSONOverTLS(http2: Bool) async throws {
    let server = try await TestServer.start(configuration: configuration())
    let result = try await curl(
      unaryURL(server.port), ["--cacert", pki.caCertificate, http2 ? "--http2" : "--http1.1"])
    await server.stop()
    #expect(result.exit == 0, "\(result.output)")
    #expect(result.status == 200, "\(result.output)")
    #expect(result.version == (http2 ? "2" : "1.1"))
    #expect(result.output.hasSuffix(#"{"payload":{"body":"AAAA"}}"#), "\(result.output)")
  }

  @Test func plaintextIsServedOnTheSamePortUnlessDisallowed() async throws {
    let server = try await TestServer.start(configuration: configuration())
    let http1 = try await curl(unaryURL(server.port, tls: false), [])
    let h2c = try await curl(unaryURL(server.port, tls: false), ["--http2-prior-knowledge"])
    let tls = try await curl(unaryURL(server.port), ["--cacert", pki.caCertificate])
    await server.stop()
    #expect(http1.status == 200 && http1.version == "1.1", "\(http1.output)")
    #expect(h2c.status == 200 && h2c.version == "2", "\(h2c.output)")
    #expect(tls.status == 200 && tls.version == "2", "\(tls.output)")

    let strict = try await TestServer.start(configuration: configuration(allowPlaintext: false))
    let refused = try await curl(unaryURL(strict.port, tls: false), [])
    let accepted = try await curl(unaryURL(strict.port), ["--cacert", pki.caCertificate])
    await strict.stop()
    #expect(refused.exit != 0 && refused.status == 0, "\(refused.output)")
    #expect(accepted.status == 200, "\(accepted.output)")
  }

  @Test func mutualTLSRequiresAClientCertificateAndExposesIt() async throws {
    let server = try Server(
      configuration: configuration(requireClientCertificate: true), services: [AuthEchoService()])
    let (_, port) = try await server.start()
    let anonymous = try await curl(unaryURL(port), ["--cacert", pki.caCertificate])
    let identified = try await curl(
      unaryURL(port),
      ["--cacert", pki.caCertificate, "--cert", pki.client.certificate, "--key", pki.client.key])
    let http1 = try await curl(
      unaryURL(port),
      [
        "--http1.1", "--cacert", pki.caCertificate, "--cert", pki.client.certificate, "--key",
        pki.client.key,
      ])
    let grpcio = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("interop_client.py").path,
      "--port", String(port), "--schemas", TestServer.schemas.path, "--cases", "empty_unary",
      "--tls-ca", pki.caCertificate, "--tls-cert", pki.client.certificate,
      "--tls-key", pki.client.key,
    ])
    await server.shutdown(gracePeriod: .seconds(1))

    #expect(anonymous.exit != 0 && anonymous.status == 0, "\(anonymous.output)")
    for result in [identified, http1] {
      #expect(result.status == 200, "\(result.output)")
      #expect(result.output.contains("x-auth-subject: CN=client-1"), "\(result.output)")
      #expect(
        result.output.contains("x-auth-spiffe: \(TLSTestPKI.clientSPIFFEID)"),
        "\(result.output)")
    }
    #expect(grpcio.stdout.contains("1 passed, 0 failed"), "\(grpcio.stdout)\(grpcio.stderr)")
  }

  @Test func handshakeGarbageClosesOnlyThatConnection() async throws {
    let server = try await TestServer.start(configuration: configuration())
    let script = """
      import socket, sys
      connection = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
      connection.sendall(b"\\x16\\x03\\x01\\x00\\x20" + b"\\xee" * 32)
      received = b""
      while True:
          chunk = connection.recv(4096)
          if not chunk:
              break
          received += chunk
      print("closed", received[:1].hex())
      """
    let garbage = try await runProcess(["python3", "-c", script, String(server.port)])
    let after = try await curl(unaryURL(server.port), ["--cacert", pki.caCertificate])
    await server.stop()
    // The server answers with a TLS alert record (content type 21) and closes.
    #expect(garbage.stdout.contains("closed 15"), "\(garbage.stdout)\(garbage.stderr)")
    #expect(after.status == 200, "\(after.output)")
  }

  @Test func certificatesReloadWithoutARestart() async throws {
    let live = try liveCopy(of: pki.server)
    let server = try await TestServer.start(configuration: configuration(live))

    let before = try await servedSerial(server.port)
    try replace(live, with: pki.serverRenewed)
    try server.server.reloadTLS()
    let after = try await servedSerial(server.port)

    // A broken key fails the reload and leaves the renewed certificate serving.
    try "not a key".write(toFile: live.key, atomically: true, encoding: .utf8)
    #expect(throws: TLSError.self) { try server.server.reloadTLS() }
    let afterFailure = try await servedSerial(server.port)
    await server.stop()

    #expect(before == pki.server.serial)
    #expect(after == pki.serverRenewed.serial)
    #expect(afterFailure == pki.serverRenewed.serial)
    #expect(server.server.tlsCertificate?.serialNumber == pki.serverRenewed.serial)
  }

  /// Copies `identity` to fresh files in a scratch directory (so a test can replace them).
  private func liveCopy(of identity: TLSTestPKI.Identity) throws -> TLSTestPKI.Identity {
    let directory = try TLSTestPKI.scratchDirectory()
    let live = TLSTestPKI.Identity(
      certificate: "\(directory)/live.pem", key: "\(directory)/live.key", serial: identity.serial)
    try replace(live, with: identity)
    return live
  }

  /// Replaces the files of `live` with (new files holding) those of `identity`.
  private func replace(_ live: TLSTestPKI.Identity, with identity: TLSTestPKI.Identity) throws {
    let files = FileManager.default
    for (source, target) in [(identity.key, live.key), (identity.certificate, live.certificate)] {
      if files.fileExists(atPath: target) { try files.removeItem(atPath: target) }
      try files.copyItem(atPath: source, toPath: target)
    }
  }

  /// Polls the served serial until it is `serial` or five seconds passed.
  private func waitForSerial(_ serial: String, port: Int) async throws -> String {
    var served = try await servedSerial(port)
    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
    while served != serial, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
      served = try await servedSerial(port)
    }
    return served
  }

  @Test func changedFilesReloadByPolling() async throws {
    let live = try liveCopy(of: pki.server)
    var configuration = configuration(live)
    configuration.tlsReloadPollInterval = .milliseconds(50)
    let server = try await TestServer.start(configuration: configuration)
    let before = try await servedSerial(server.port)
    try replace(live, with: pki.serverRenewed)
    let after = try await waitForSerial(pki.serverRenewed.serial, port: server.port)
    await server.stop()
    #expect(before == pki.server.serial)
    #expect(after == pki.serverRenewed.serial)
  }

  /// SIGHUP to a `sluice-interop-server` started with the TLS flags reloads its
  /// certificate. (A child process, not this one: the test process runs several servers
  /// at once, and each reload trigger resets SIGHUP's disposition.)
  @Test func interopServerReloadsOnSIGHUP() async throws {
    let live = try liveCopy(of: pki.server)
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("sluice-interop-server")
    let process = Process()
    process.executableURL = binary
    process.arguments = [
      "--port", "0", "--tls-cert", live.certificate, "--tls-key", live.key,
      "--tls-client-ca", pki.caCertificate,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    let port = try #require(
      line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) },
      "\(line)")

    let before = try await servedSerial(port)
    try replace(live, with: pki.serverRenewed)
    kill(process.processIdentifier, SIGHUP)
    let after = try await waitForSerial(pki.serverRenewed.serial, port: port)
    #expect(before == pki.server.serial)
    #expect(after == pki.serverRenewed.serial)
  }
}
