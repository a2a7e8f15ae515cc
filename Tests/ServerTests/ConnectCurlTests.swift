import Foundation
import Testing

/// The Connect protocol's unary JSON calls with curl, over HTTP/1.1 and h2c.
@Suite struct ConnectCurlTests {
  /// Runs curl and returns the status code and body (`-w` appends the status).
  private func curl(_ port: Int, _ path: String, http2: Bool, contentType: String, body: String)
    async throws -> (status: Int, body: String)
  {
    var arguments = ["curl", "-sS", "-w", "\n%{http_code}"]
    if http2 { arguments.append("--http2-prior-knowledge") }
    arguments += [
      "-H", "content-type: \(contentType)", "-d", body, "http://127.0.0.1:\(port)\(path)",
    ]
    let output = try await runProcess(arguments)
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let status = Int(lines.last ?? "") ?? 0
    return (status, lines.dropLast().joined(separator: "\n"))
  }

  @Test(arguments: [false, true])
  func unaryJSONCalls(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let port = server.port

    let empty = try await curl(
      port, "/grpc.testing.TestService/EmptyCall", http2: http2, contentType: "application/json",
      body: "{}")
    #expect(empty.status == 200)
    #expect(empty.body == "{}")

    let unary = try await curl(
      port, "/grpc.testing.TestService/UnaryCall", http2: http2, contentType: "application/json",
      body: #"{"responseSize": 3}"#)
    #expect(unary.status == 200)
    #expect(unary.body == #"{"payload":{"body":"AAAA"}}"#)

    let failed = try await curl(
      port, "/grpc.testing.TestService/UnaryCall", http2: http2, contentType: "application/json",
      body: #"{"responseStatus": {"code": 5, "message": "no such thing"}}"#)
    #expect(failed.status == 404)
    #expect(failed.body == #"{"code":"not_found","message":"no such thing"}"#)

    let unknown = try await curl(
      port, "/grpc.testing.TestService/NoSuchMethod", http2: http2,
      contentType: "application/json", body: "{}")
    #expect(unknown.status == 404)
    #expect(unknown.body.contains(#""code":"unimplemented""#))

    let wrongType = try await curl(
      port, "/grpc.testing.TestService/EmptyCall", http2: http2, contentType: "text/plain",
      body: "{}")
    #expect(wrongType.status == 415)

    let malformed = try await curl(
      port, "/grpc.testing.TestService/UnaryCall", http2: http2, contentType: "application/json",
      body: "{not json")
    #expect(malformed.status == 400)
    #expect(malformed.body.contains(#""code":"invalid_argument""#))

    let again = try await curl(
      port, "/grpc.testing.TestService/EmptyCall", http2: http2, contentType: "application/json",
      body: "{}")
    #expect(again.status == 200)
    #expect(again.body == "{}")
  }

  @Test func grpcOverHTTP1IsRefused() async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await curl(
      server.port, "/grpc.testing.TestService/EmptyCall", http2: false,
      contentType: "application/grpc", body: "")
    #expect(response.status == 505 || response.status == 400)
  }
}
