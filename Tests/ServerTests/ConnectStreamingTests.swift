import Foundation
import Testing

/// Connect streaming (enveloped JSON over h2c) and compressed Connect unary requests.
@Suite struct ConnectStreamingTests {
  /// Writes `bytes` to a temporary file for curl's `--data-binary @file`.
  private func temporaryFile(_ bytes: [UInt8], name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-\(name)-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    return url
  }

  @Test func serverStreamingOverConnect() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let json = Array(#"{"responseParameters":[{"size":3},{"size":6}]}"#.utf8)
    let count = UInt32(json.count)
    let envelope: [UInt8] =
      [0, UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF),
       UInt8(count & 0xFF)] + json
    let file = try temporaryFile(envelope, name: "stream")
    defer { try? FileManager.default.removeItem(at: file) }
    let output = try await runProcess([
      "curl", "-sS", "--http2-prior-knowledge", "-H", "content-type: application/connect+json",
      "--data-binary", "@\(file.path)",
      "http://127.0.0.1:\(server.port)/grpc.testing.TestService/StreamingOutputCall",
    ])
    let text = output.stdout
    #expect(text.contains(#"{"payload":{"body":"AAAA"}}"#))
    #expect(text.contains(#"{"payload":{"body":"AAAAAAAA"}}"#))
    #expect(text.hasSuffix("{}"), "\(text)")
  }

  @Test(arguments: [false, true])
  func gzipCompressedUnaryRequest(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let plain = try temporaryFile(Array(#"{"responseSize": 3}"#.utf8), name: "plain")
    defer { try? FileManager.default.removeItem(at: plain) }
    let zipped = try await runProcess(["gzip", "-kf", plain.path])
    #expect(zipped.status == 0)
    let gz = plain.appendingPathExtension("gz")
    defer { try? FileManager.default.removeItem(at: gz) }
    var arguments = ["curl", "-sS"]
    if http2 { arguments.append("--http2-prior-knowledge") }
    arguments += [
      "-H", "content-type: application/json", "-H", "content-encoding: gzip",
      "--data-binary", "@\(gz.path)",
      "http://127.0.0.1:\(server.port)/grpc.testing.TestService/UnaryCall",
    ]
    let output = try await runProcess(arguments)
    #expect(output.stdout == #"{"payload":{"body":"AAAA"}}"#, "\(output.stdout)\(output.stderr)")
  }
}
