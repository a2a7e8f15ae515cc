import Foundation
import SluiceServer
import SluiceTestSupport
import Testing

/// Connect streaming over TLS with ALPN choosing HTTP/1.1 or h2, and TLS handshake
/// garbage on one connection while other clients are served.
@Suite struct HTTP1TLSTests {
  let pki = TLSTestPKI.shared

  private func startTLSServer() async throws -> TestServer {
    try await TestServer.start(
      configuration: ServerConfiguration(
        port: 0, tls: pki.serverConfiguration(), tlsReloadPollInterval: nil))
  }

  /// A server-streaming call with curl over TLS; returns the response.
  private func stream(_ port: Int, http2: Bool) async throws -> ProcessOutput {
    let directory = try TLSTestPKI.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let request = "\(directory)/request"
    try Data(HTTP1Curl.envelope(#"{"responseParameters":[{"size":3},{"size":6}]}"#))
      .write(to: URL(fileURLWithPath: request))
    return try await runProcess([
      "curl", "-sS", "-D", "-", "-o", "/dev/null", "-w", "%{http_version} %{size_download}",
      http2 ? "--http2" : "--http1.1", "--cacert", pki.caCertificate,
      "-H", "content-type: application/connect+json", "--data-binary", "@\(request)",
      "https://localhost:\(port)/grpc.testing.TestService/StreamingOutputCall",
    ])
  }

  @Test(arguments: [false, true])
  func serverStreamingOverTLS(http2: Bool) async throws {
    let server = try await startTLSServer()
    defer { Task { await server.stop() } }
    let output = try await stream(server.port, http2: http2)
    let text = output.stdout.lowercased()
    // Two messages (32 and 36 bytes framed) and the end-stream envelope (7 bytes).
    #expect(text.hasSuffix(http2 ? "2 75" : "1.1 75"), "\(output.stdout)\(output.stderr)")
    #expect(text.contains("content-type: application/connect+json"))
    if !http2 { #expect(text.contains("transfer-encoding: chunked")) }
  }

  @Test func handshakeGarbageClosesOnlyItsConnection() async throws {
    let server = try await startTLSServer()
    defer { Task { await server.stop() } }
    // A handshake record announcing 32 bytes, of which only the first arrives.
    let stuck = try HTTP1RawSocket(port: server.port)
    try await stuck.sendAll([0x16, 0x03, 0x01, 0x00, 0x20, 0xEE][...])
    for http2 in [false, true] {
      let output = try await stream(server.port, http2: http2)
      #expect(output.stdout.hasSuffix(" 75"), "served beside the stuck handshake: \(output.stderr)")
    }
    // The rest of the record is garbage: the server answers with an alert and closes.
    try await stuck.sendAll([UInt8](repeating: 0xEE, count: 31)[...])
    let answer = try await stuck.receive(within: .seconds(10)) { _ in false }
    #expect(answer.first == 0x15, "expected a TLS alert record, got \(answer.prefix(8))")
    let after = try await stream(server.port, http2: false)
    #expect(after.stdout.hasSuffix(" 75"), "\(after.stderr)")
  }
}
