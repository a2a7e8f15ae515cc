import SluiceRuntime
import Testing

@Suite struct GRPCResponseHeadTests {
  static let metadata: Metadata = [
    "x-initial": "yes", "x-data-bin": .binary([0xFF, 0xEE]), "grpc-custom": "dropped",
    "content-type": "dropped",
  ]

  @Test func responseHeaders() {
    var block = HeaderBlock()
    GRPCResponseHead.writeHeaders(
      into: &block, contentType: .grpcProto, compression: .gzip, acceptedCompression: [.gzip],
      metadata: Self.metadata)
    #expect(
      block.lines == [
        ":status: 200", "content-type: application/grpc+proto", "grpc-encoding: gzip",
        "grpc-accept-encoding: identity,gzip", "x-initial: yes", "x-data-bin: /+4",
      ])
    block.removeAll()
    GRPCResponseHead.writeHeaders(into: &block, contentType: .grpc, metadata: Metadata())
    #expect(block.lines == [":status: 200", "content-type: application/grpc"])
  }

  @Test func successTrailers() {
    var block = HeaderBlock()
    GRPCResponseHead.writeTrailers(into: &block, error: nil, metadata: ["x-cost": "12"])
    #expect(block.lines == ["grpc-status: 0", "x-cost: 12"])
  }

  @Test func errorTrailers() throws {
    var block = HeaderBlock()
    let error = RPCError(
      code: .invalidArgument, message: "bad 100% é", metadata: ["x-error": "1"],
      details: [RPCError.Detail(typeName: "t.D", value: [1])])
    GRPCResponseHead.writeTrailers(into: &block, error: error, metadata: ["x-trailer": "2"])
    #expect(block.count == 5)
    #expect(block.value(forName: "grpc-status") == "3")
    #expect(block.value(forName: "grpc-message") == "bad 100%25 %C3%A9")
    let details = try #require(block.value(forName: "grpc-status-details-bin"))
    #expect(GRPCStatusDetails.decode(details) == GoogleRPCStatus(error))
    #expect(Array(block.lines.suffix(2)) == ["x-trailer: 2", "x-error: 1"])

    block.removeAll()
    GRPCResponseHead.writeTrailers(
      into: &block, error: RPCError(code: .unavailable), metadata: Metadata())
    #expect(block.lines == ["grpc-status: 14"])
  }

  @Test func trailersOnly() {
    var block = HeaderBlock()
    GRPCResponseHead.writeTrailersOnly(
      into: &block, contentType: .grpc, error: RPCError(code: .unimplemented, message: "nope"),
      metadata: ["x-a": "b"])
    #expect(
      block.lines == [
        ":status: 200", "content-type: application/grpc", "grpc-status: 12", "grpc-message: nope",
        "x-a: b",
      ])
    block.removeAll()
    GRPCResponseHead.writeTrailersOnly(
      into: &block, httpStatus: 415, contentType: .grpcJSON, error: nil, metadata: Metadata(),
      acceptedCompression: [.deflate, .gzip])
    #expect(
      block.lines == [
        ":status: 415", "content-type: application/grpc+json",
        "grpc-accept-encoding: identity,gzip,deflate",
        "grpc-status: 0",
      ])
  }

  @Test func blockIsReusableAndExposesRawFields() {
    var block = HeaderBlock()
    GRPCResponseHead.writeHeaders(into: &block, contentType: .grpc, metadata: ["x-k": "v"])
    block.removeAll()
    #expect(block.isEmpty)
    GRPCResponseHead.writeTrailers(into: &block, error: nil, metadata: ["x-k": "v"])
    let pairs = block.withUnsafeFields { bytes, fields in
      fields.map { field in
        (
          String(
            decoding: bytes[field.nameOffset..<(field.nameOffset + field.nameCount)], as: UTF8.self),
          String(
            decoding: bytes[field.valueOffset..<(field.valueOffset + field.valueCount)],
            as: UTF8.self)
        )
      }
    }
    #expect(pairs.map { "\($0.0)=\($0.1)" } == ["grpc-status=0", "x-k=v"])
    #expect(block.bytes == Array("grpc-status0x-kv".utf8))
  }
}

@Suite struct ConnectResponseHeadTests {
  @Test func unaryHeadersWithPrefixedTrailers() {
    var block = HeaderBlock()
    ConnectResponseHead.writeUnaryHeaders(
      into: &block, codec: .json, compression: .gzip, acceptedCompression: [.identity, .gzip],
      headers: ["x-lead": "1", "connect-x": "dropped"],
      trailers: ["acme-operation-cost": "237", "x-t-bin": .binary([1])])
    #expect(
      block.lines == [
        ":status: 200", "content-type: application/json", "content-encoding: gzip",
        "accept-encoding: gzip",
        "x-lead: 1", "trailer-acme-operation-cost: 237", "trailer-x-t-bin: AQ",
      ])
    block.removeAll()
    ConnectResponseHead.writeUnaryHeaders(
      into: &block, codec: .proto, acceptedCompression: .identity, headers: Metadata(),
      trailers: Metadata())
    #expect(block.lines == [":status: 200", "content-type: application/proto"])
  }

  @Test func unaryErrorHeaders() {
    var block = HeaderBlock()
    ConnectResponseHead.writeUnaryErrorHeaders(
      into: &block, error: RPCError(code: .notFound, metadata: ["x-e": "1"]), headers: ["x-h": "2"],
      trailers: ["x-t": "3"])
    #expect(
      block.lines == [
        ":status: 404", "content-type: application/json", "x-h: 2", "x-e: 1", "trailer-x-t: 3",
      ])
  }

  @Test func streamingHeaders() {
    var block = HeaderBlock()
    ConnectResponseHead.writeStreamingHeaders(
      into: &block, codec: .json, compression: .gzip, acceptedCompression: [.gzip],
      headers: ["x-h": "1"])
    #expect(
      block.lines == [
        ":status: 200", "content-type: application/connect+json", "connect-content-encoding: gzip",
        "connect-accept-encoding: gzip", "x-h: 1",
      ])
  }

  @Test func errorHTTPStatusesFollowTheTable() {
    for code in StatusCode.allCases where code != .ok {
      var block = HeaderBlock()
      ConnectResponseHead.writeUnaryErrorHeaders(
        into: &block, error: RPCError(code: code), headers: Metadata(), trailers: Metadata())
      #expect(block.value(forName: ":status") == String(code.connectHTTPStatus))
    }
  }
}

@Suite struct RejectedRequestRenderingTests {
  @Test func grpcRejection() {
    let rejection = RejectedRequest(
      form: .grpc(.grpcProto), httpStatus: 405,
      error: RPCError(code: .internal, message: "use POST"))
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(
      block.lines == [
        ":status: 405", "content-type: application/grpc+proto", "grpc-status: 13",
        "grpc-message: use POST",
      ])
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    #expect(body.isEmpty)
  }

  @Test func connectUnaryRejection() {
    let rejection = RejectedRequest(
      form: .connectUnary, httpStatus: 404,
      error: RPCError(code: .unimplemented, message: "unknown method /a/b"))
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(block.lines == [":status: 404", "content-type: application/json"])
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    #expect(
      String(decoding: body, as: UTF8.self)
        == #"{"code":"unimplemented","message":"unknown method /a/b"}"#)
  }

  @Test func connectStreamingRejection() throws {
    let rejection = RejectedRequest(
      form: .connectStreaming(.proto), httpStatus: 200,
      error: RPCError(code: .unimplemented, message: "no"),
      acceptedCompression: [.identity, .gzip])
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(
      block.lines == [
        ":status: 200", "content-type: application/connect+proto", "connect-accept-encoding: gzip",
      ])
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    let json = #"{"error":{"code":"unimplemented","message":"no"}}"#
    #expect(body == [2, 0, 0, 0, UInt8(json.utf8.count)] + Array(json.utf8))
  }

  @Test func plainRejection() {
    let rejection = RejectedRequest(
      form: .plain, httpStatus: 405,
      error: RPCError(code: .invalidArgument, message: "method DELETE not allowed"),
      allow: "GET, POST")
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(
      block.lines == [
        ":status: 405", "content-type: text/plain; charset=utf-8", "allow: GET, POST",
        "grpc-status: 3",
        "grpc-message: method DELETE not allowed",
      ])
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    #expect(body == Array("method DELETE not allowed\n".utf8))
  }
}

@Suite struct GRPCStatusReaderTests {
  static func read(_ fields: [(String, String)]) -> GRPCStatusReader {
    var reader = GRPCStatusReader()
    for (name, value) in fields { reader.add(name: name, value: value) }
    return reader
  }

  @Test func readsWhatTheServerWrites() {
    let error = RPCError(
      code: .failedPrecondition, message: "100% ü", metadata: ["x-e": "1"],
      details: [RPCError.Detail(typeName: "a.B", value: [1])])
    var block = HeaderBlock()
    GRPCResponseHead.writeTrailersOnly(
      into: &block, contentType: .grpc, error: error, metadata: ["x-t-bin": .binary([9])])
    let reader = Self.read(Array(block))
    var expected = error
    expected.metadata = ["x-t-bin": .binary([9]), "x-e": "1"]
    #expect(reader.error == expected)
    #expect(reader.metadata == expected.metadata)
  }

  @Test func successAndSynthesizedStatuses() {
    #expect(Self.read([("grpc-status", "0"), ("x-a", "b")]).error == nil)
    #expect(Self.read([("grpc-status", "0"), ("x-a", "b")]).metadata == ["x-a": "b"])
    #expect(Self.read([("x-a", "b")]).error?.code == .internal)
    #expect(Self.read([("grpc-status", "abc")]).error?.message == "malformed grpc-status")
    #expect(Self.read([("grpc-status", "99")]).error?.code == .unknown)
    #expect(Self.read([(":status", "503"), ("grpc-status", "0")]).error?.code == .unavailable)
    #expect(
      Self.read([(":status", "404")]).error
        == RPCError(code: .unimplemented, message: "HTTP status 404"))
    #expect(
      Self.read([(":status", "200"), ("grpc-status", "5"), ("grpc-message", "gone")]).error
        == RPCError(code: .notFound, message: "gone"))
  }
}
