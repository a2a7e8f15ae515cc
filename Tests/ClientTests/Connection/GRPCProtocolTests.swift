@testable import SluiceClient
import SluiceRuntime
import SluiceTransport
import Testing

/// The pure protocol pieces of the client: request header blocks and response reading.
@Suite struct GRPCProtocolTests {
  private let head = GRPCRequestHead(
    scheme: "https", authority: "example.com:443", contentType: "application/grpc+proto",
    userAgent: "grpc-swift-sluice/1.0")

  private func fields(_ headers: HTTP2Headers) -> [(String, String)] {
    headers.map { ($0.nameString, $0.valueString) }
  }

  @Test func requestHeadersInOrder() throws {
    var metadata = Metadata()
    try metadata.addString("a", forKey: "x-one")
    try metadata.addBinary([0xFF, 0xEE], forKey: "x-two-bin")
    try metadata.addString("custom/2", forKey: "user-agent")
    try metadata.addString("nope", forKey: "grpc-timeout")
    try metadata.addString("nope", forKey: "content-type")
    try metadata.addString("nope", forKey: "te")
    let headers = head.headers(
      path: "/pkg.Svc/Method", timeout: .milliseconds(1500), compressed: true, metadata: metadata)
    let expected: [(String, String)] = [
      (":method", "POST"), (":scheme", "https"), (":path", "/pkg.Svc/Method"),
      (":authority", "example.com:443"), ("content-type", "application/grpc+proto"),
      ("te", "trailers"), ("user-agent", "custom/2 grpc-swift-sluice/1.0"),
      ("grpc-accept-encoding", "identity,deflate,gzip"), ("grpc-encoding", "gzip"),
      ("grpc-timeout", "1500m"), ("x-one", "a"), ("x-two-bin", "/+4"),
    ]
    #expect(fields(headers).map(\.0) == expected.map(\.0))
    #expect(fields(headers).map(\.1) == expected.map(\.1))
  }

  @Test(arguments: [
    ([UInt8](), ""), ([0], "AA"), ([0, 1], "AAE"), ([0, 1, 2], "AAEC"),
    ([0xFB, 0xFF, 0xBF], "+/+/"), (Array("hello world".utf8), "aGVsbG8gd29ybGQ"),
  ])
  func unpaddedBase64(bytes: [UInt8], encoded: String) {
    var output: [UInt8] = []
    GRPCRequestHead.appendBase64(bytes, to: &output)
    #expect(String(decoding: output, as: UTF8.self) == encoded)
  }

  private func headers(_ fields: [(String, String)]) -> HTTP2Headers { HTTP2Headers(fields) }

  private func readHead(_ fields: [(String, String)], endStream: Bool = false)
    -> Result<GRPCResponseReader.Head, RPCError>
  {
    var reader = GRPCResponseReader(maxMessageSize: 1024)
    return reader.readHead(headers(fields), endStream: endStream) {
      Decompressor.forMessages($0, maxMessageSize: 1024)
    }
  }

  @Test(arguments: [
    "application/grpc", "application/grpc+proto", "application/grpc+json", "Application/GRPC",
    "application/grpc; charset=utf-8",
  ])
  func grpcContentTypes(contentType: String) throws {
    let head = try readHead([(":status", "200"), ("content-type", contentType), ("x-a", "b")]).get()
    guard case .headers(let metadata) = head else {
      Issue.record("not headers: \(head)")
      return
    }
    #expect(metadata.firstString(forKey: "x-a") == "b")
    #expect(metadata.count == 1)
  }

  @Test(arguments: ["application/grpcx", "application/json", "text/html", ""])
  func otherContentTypesAreUnknown(contentType: String) {
    let result = readHead([(":status", "200"), ("content-type", contentType)])
    guard case .failure(let error) = result else {
      Issue.record("accepted \(contentType)")
      return
    }
    #expect(error.code == .unknown)
  }

  @Test func trailersOnlyCarriesTheStatus() throws {
    let head = try readHead(
      [(":status", "200"), ("content-type", "application/grpc"), ("grpc-status", "0"), ("x-t", "1")],
      endStream: true
    ).get()
    guard case .trailersOnly(.success(let trailers)) = head else {
      Issue.record("\(head)")
      return
    }
    #expect(trailers.firstString(forKey: "x-t") == "1")
    let failed = try readHead([(":status", "200"), ("grpc-status", "14"), ("grpc-message", "a%20b")], endStream: true).get()
    guard case .trailersOnly(.failure(let error)) = failed else {
      Issue.record("\(failed)")
      return
    }
    #expect(error.code == .unavailable)
    #expect(error.message == "a b")
  }

  @Test func messagesAcrossChunksAndTrailers() throws {
    var reader = GRPCResponseReader(maxMessageSize: 1024)
    _ = reader.readHead(headers([(":status", "200"), ("content-type", "application/grpc")]), endStream: false) { _ in nil }
    var messages: [[UInt8]] = []
    for chunk in [[0, 0, 0], [0, 2, 7], [8, 0, 0, 0, 0, 0]] as [[UInt8]] {
      try chunk.withUnsafeBytes { raw in
        var input = raw
        while let message = try reader.nextMessage(from: &input) { messages.append(message) }
      }
    }
    #expect(messages == [[7, 8], []])
    #expect(try reader.readTrailers(headers([("grpc-status", "0")])).get().isEmpty)
    // A stream ending inside a message is INTERNAL, whatever the trailers say.
    try ([0, 0, 0, 0, 9, 1] as [UInt8]).withUnsafeBytes { raw in
      var input = raw
      _ = try reader.nextMessage(from: &input)
    }
    guard case .failure(let error) = reader.readTrailers(headers([("grpc-status", "0")])) else {
      Issue.record("truncated message accepted")
      return
    }
    #expect(error.code == .internal)
  }

  @Test func missingOrMalformedStatusIsInternal() {
    let reader = GRPCResponseReader(maxMessageSize: 1024)
    for trailers in [[("x-a", "b")], [("grpc-status", "abc")]] {
      guard case .failure(let error) = reader.readTrailers(headers(trailers)) else {
        Issue.record("accepted \(trailers)")
        continue
      }
      #expect(error.code == .internal)
    }
  }
}
