import Foundation
import SluiceRuntime
import SluiceTransport
import Testing

/// The Connect protocol's streaming calls, compression and GET with curl, over HTTP/1.1
/// (chunked bodies) and h2c with prior knowledge.
@Suite struct HTTP1CurlStreamingTests {
  static let service = "/grpc.testing.TestService"

  private func json(_ payload: [UInt8]) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]
  }

  /// The base64 body of a `StreamingOutputCallResponse` JSON, decoded to its length.
  private func payloadSize(_ payload: [UInt8]) -> Int? {
    guard let body = (json(payload)?["payload"] as? [String: Any])?["body"] as? String else {
      return json(payload).map { _ in 0 }
    }
    return Data(base64Encoded: body)?.count
  }

  @Test(arguments: [false, true])
  func serverStreaming(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/StreamingOutputCall", http2: http2,
      options: HTTP1Curl.streaming(),
      body: HTTP1Curl.envelope(#"{"responseParameters":[{"size":3},{"size":6},{"size":2000}]}"#))
    #expect(response.status == 200, "\(response.description)")
    #expect(response.headers["content-type"] == "application/connect+json")
    if !http2 { #expect(response.headers["transfer-encoding"] == "chunked") }
    let envelopes = response.envelopes
    #expect(envelopes.map(\.flags) == [0, 0, 0, 2], "\(response.description)")
    #expect(envelopes.dropLast().map { payloadSize($0.payload) } == [3, 6, 2000])
    #expect(response.endStream != nil && response.endStreamErrorCode == nil)
  }

  @Test(arguments: [false, true])
  func serverStreamingCompressesLargeMessages(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/StreamingOutputCall", http2: http2,
      options: HTTP1Curl.streaming() + ["-H", "connect-accept-encoding: gzip"],
      body: HTTP1Curl.envelope(#"{"responseParameters":[{"size":3},{"size":6000}]}"#))
    #expect(response.status == 200, "\(response.description)")
    #expect(response.headers["connect-content-encoding"] == "gzip", "\(response.description)")
    let envelopes = response.envelopes
    // The 3-byte message stays small and uncompressed; the 6000-byte one is gzipped.
    #expect(envelopes.map(\.flags) == [0, 1, 2], "\(response.description)")
    guard envelopes.count == 3 else { return }
    #expect(payloadSize(envelopes[0].payload) == 3)
    let decompressor = try Decompressor(algorithm: .gzip, maxDecompressedSize: 1 << 20)
    var plain: [UInt8] = []
    try decompressor.decompress(envelopes[1].payload, into: &plain)
    #expect(payloadSize(plain) == 6000)
    #expect(envelopes[1].payload.count < plain.count)
  }

  @Test(arguments: [false, true])
  func clientStreamingWithAChunkedUpload(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let request = (0..<3).flatMap { _ in
      HTTP1Curl.envelope(#"{"payload":{"body":"AAAAAAAA"}}"#)
    }
    let chunked = http2 ? [] : ["-H", "transfer-encoding: chunked"]
    let response = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/StreamingInputCall", http2: http2,
      options: HTTP1Curl.streaming() + chunked, body: request)
    #expect(response.status == 200, "\(response.description)")
    let envelopes = response.envelopes
    #expect(envelopes.map(\.flags) == [0, 2], "\(response.description)")
    #expect(envelopes.first.flatMap { json($0.payload)?["aggregatedPayloadSize"] as? Int } == 18)
  }

  @Test(arguments: [false, true])
  func bidirectionalStreamingNeedsHTTP2(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/FullDuplexCall", http2: http2,
      options: HTTP1Curl.streaming(),
      body: HTTP1Curl.envelope(#"{"responseParameters":[{"size":3}]}"#))
    if http2 {
      #expect(response.status == 200, "\(response.description)")
      #expect(response.envelopes.map(\.flags) == [0, 2], "\(response.description)")
    } else {
      #expect(response.status == 505, "\(response.description)")
      #expect(response.headers["connection"] == "close")
      #expect(json(response.body)?["code"] as? String == "unimplemented", "\(response.description)")
    }
  }

  @Test(arguments: [false, true])
  func streamingDeadlineEndsTheStream(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let response = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/StreamingOutputCall", http2: http2,
      options: HTTP1Curl.streaming() + ["-H", "connect-timeout-ms: 200"],
      body: HTTP1Curl.envelope(
        #"{"responseParameters":[{"size":3},{"size":3,"intervalUs":10000000}]}"#))
    #expect(response.status == 200, "\(response.description)")
    #expect(response.envelopes.map(\.flags) == [0, 2], "\(response.description)")
    #expect(response.endStreamErrorCode == "deadline_exceeded", "\(response.description)")
  }

  @Test(arguments: [false, true])
  func unaryResponsesCompressWhenLarge(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let path = "\(Self.service)/UnaryCall"
    let options = ["--compressed", "-H", "content-type: application/json"]
    let large = try await HTTP1Curl.call(
      port: server.port, path: path, http2: http2, options: options,
      body: Array(#"{"responseSize": 5000}"#.utf8))
    #expect(large.status == 200, "\(large.description)")
    #expect(large.headers["content-encoding"] == "gzip", "\(large.description)")
    #expect(payloadSize(large.body) == 5000, "\(large.description)")
    if !http2 { #expect(Int(large.headers["content-length"] ?? "") ?? .max < 5000) }
    let small = try await HTTP1Curl.call(
      port: server.port, path: path, http2: http2, options: options,
      body: Array(#"{"responseSize": 3}"#.utf8))
    #expect(small.status == 200, "\(small.description)")
    #expect(small.headers["content-encoding"] == nil, "\(small.description)")
    #expect(small.text == #"{"payload":{"body":"AAAA"}}"#)
  }

  @Test(arguments: [false, true])
  func getForANoSideEffectsMethod(http2: Bool) async throws {
    let server = try await TestServer.start()
    defer { Task { await server.stop() } }
    let message = #"{"service":"grpc.testing.TestService"}"#
      .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    let response = try await HTTP1Curl.call(
      port: server.port, path: "/grpc.health.v1.Health/Check?encoding=json&message=\(message)",
      http2: http2)
    #expect(response.status == 200, "\(response.description)")
    #expect(response.text == #"{"status":"SERVING"}"#, "\(response.description)")
    let post = try await HTTP1Curl.call(
      port: server.port, path: "\(Self.service)/UnaryCall?encoding=json&message=%7B%7D",
      http2: http2)
    #expect(post.status == 405, "a method with side effects: \(post.description)")
  }
}
