import Foundation
import Testing

/// Raw HTTP behaviour seen by nghttp2's tools: h2load drives many unary calls (HTTP/2,
/// and HTTP/1.1 with pipelining) that must all succeed; `nghttp -v` shows the frames,
/// headers and trailers of gRPC and Connect responses.
@Suite struct HTTPLoadToolTests {
  static let unaryPath = "/grpc.testing.TestService/UnaryCall"
  /// A gRPC-framed `SimpleRequest{response_size: 10}`.
  static let grpcUnary: [UInt8] = [0, 0, 0, 0, 2, 0x10, 0x0A]
  /// A gRPC-framed `SimpleRequest{response_status: {code: 5, message: "nope"}}`.
  static let grpcNotFound: [UInt8] =
    [0, 0, 0, 0, 10, 0x3A, 8, 0x08, 5, 0x12, 4] + Array("nope".utf8)

  /// Writes `bytes` to a temporary file, runs `body` with its path, and removes it.
  private func withFile<T>(_ bytes: [UInt8], _ body: (String) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-http-tools-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url.path)
  }

  @Test func h2loadGRPCUnaryCallsAllSucceed() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let output = try await withFile(Self.grpcUnary) { file in
      try await runProcess([
        "h2load", "-n", "500", "-c", "4", "-m", "10", "-d", file,
        "-H", "content-type: application/grpc", "-H", "te: trailers",
        "http://127.0.0.1:\(server.port)\(Self.unaryPath)",
      ])
    }
    #expect(output.stdout.contains("500 succeeded, 0 failed, 0 errored"), "\(output.stdout)")
    #expect(output.stdout.contains("status codes: 500 2xx, 0 3xx, 0 4xx, 0 5xx"))
  }

  @Test(arguments: [false, true])
  func h2loadConnectUnaryCallsAllSucceed(http1: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let output = try await withFile(Array(#"{"responseSize":10}"#.utf8)) { file in
      // Over HTTP/1.1, -m 4 pipelines four requests per connection.
      try await runProcess(
        ["h2load"] + (http1 ? ["--h1"] : []) + [
          "-n", "400", "-c", "4", "-m", "4", "-d", file, "-H", "content-type: application/json",
          "http://127.0.0.1:\(server.port)\(Self.unaryPath)",
        ])
    }
    #expect(output.stdout.contains("400 succeeded, 0 failed, 0 errored"), "\(output.stdout)")
    #expect(output.stdout.contains("status codes: 400 2xx, 0 3xx, 0 4xx, 0 5xx"))
  }

  /// `nghttp -v` lines about stream 13 (its first request stream).
  private func nghttp(_ port: Int, _ path: String, _ body: [UInt8], contentType: String)
    async throws -> [String]
  {
    let output = try await withFile(body) { file in
      try await runProcess([
        "nghttp", "-v", "-n", "-H", "content-type: \(contentType)", "-H", "te: trailers",
        "-d", file, "http://127.0.0.1:\(port)\(path)",
      ])
    }
    return output.stdout.split(separator: "\n").map(String.init)
  }

  @Test func nghttpShowsGRPCHeadersDataAndTrailers() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let lines = try await nghttp(
      server.port, Self.unaryPath, Self.grpcUnary, contentType: "application/grpc")
    let text = lines.joined(separator: "\n")
    let status = lines.firstIndex { $0.contains("recv (stream_id=13) :status: 200") }
    let data = lines.firstIndex { $0.contains("recv DATA frame") && $0.contains("stream_id=13") }
    let trailer = lines.firstIndex { $0.contains("recv (stream_id=13) grpc-status: 0") }
    #expect(status != nil && data != nil && trailer != nil, "\(text)")
    if let status, let data, let trailer {
      #expect(status < data && data < trailer, "\(text)")
      // The trailers are a HEADERS frame ending the stream.
      let end = lines[trailer...].first { $0.contains("recv HEADERS frame") }
      #expect(end?.contains("flags=0x05") == true, "\(text)")
    }
  }

  @Test func nghttpShowsATrailersOnlyError() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let lines = try await nghttp(
      server.port, Self.unaryPath, Self.grpcNotFound, contentType: "application/grpc")
    let text = lines.joined(separator: "\n")
    #expect(text.contains("recv (stream_id=13) grpc-status: 5"), "\(text)")
    #expect(text.contains("recv (stream_id=13) grpc-message: nope"), "\(text)")
    #expect(!lines.contains { $0.contains("recv DATA frame") }, "\(text)")
    let headers = lines.filter { $0.contains("recv HEADERS frame") && $0.contains("stream_id=13") }
    #expect(headers.count == 1 && headers[0].contains("flags=0x05"), "\(text)")
  }

  @Test func nghttpShowsAConnectStreamWithoutTrailers() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let lines = try await nghttp(
      server.port, "/grpc.testing.TestService/StreamingOutputCall",
      HTTP1Curl.envelope(#"{"responseParameters":[{"size":3},{"size":6}]}"#),
      contentType: "application/connect+json")
    let text = lines.joined(separator: "\n")
    #expect(text.contains("recv (stream_id=13) content-type: application/connect+json"), "\(text)")
    let headers = lines.filter { $0.contains("recv HEADERS frame") && $0.contains("stream_id=13") }
    #expect(headers.count == 1, "Connect sends no trailers: \(text)")
    let data = lines.filter { $0.contains("recv DATA frame") && $0.contains("stream_id=13") }
    #expect(data.last?.contains("flags=0x01") == true, "the last DATA ends the stream: \(text)")
  }
}
