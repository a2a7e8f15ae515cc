import SluiceRuntime
import Testing

@Suite struct ConnectErrorJSONTests {
  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func goldenStrings() {
    #expect(
      Self.text(ConnectErrorJSON.encode(RPCError(code: .unavailable))) == #"{"code":"unavailable"}"#
    )
    #expect(
      Self.text(ConnectErrorJSON.encode(RPCError(code: .cancelled, message: "stop \"now\"\n")))
        == #"{"code":"canceled","message":"stop \"now\"\n"}"#)
    let error = RPCError(
      code: .unavailable, message: "overloaded: back off and retry",
      details: [RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [0x0A, 0x02, 0x08, 0x3C])])
    #expect(
      Self.text(ConnectErrorJSON.encode(error))
        == #"{"code":"unavailable","message":"overloaded: back off and retry","details":[{"type":"google.rpc.RetryInfo","value":"CgIIPA"}]}"#
    )
  }

  @Test func debugMemberForKnownTypes() {
    let duration = Google_Protobuf_Duration(seconds: 30)
    let error = RPCError(code: .internal, details: [RPCError.Detail(duration)])
    #expect(
      Self.text(ConnectErrorJSON.encode(error))
        == #"{"code":"internal","details":[{"type":"google.protobuf.Duration","value":"CB4","debug":"30s"}]}"#
    )
  }

  @Test func parsesErrors() throws {
    let text = #"""
      {"code": "unavailable", "message": "overloaded", "extra": [1, {"a": null}],
       "details": [{"type": "google.rpc.RetryInfo", "value": "CgIIPA", "debug": {"retryDelay": "30s"}},
                   {"type": "type.googleapis.com/x.Y", "value": "AQ=="}, {"value": "AA"}]}
      """#
    let error = try #require(ConnectErrorJSON.decode(Array(text.utf8)))
    #expect(error.code == .unavailable)
    #expect(error.message == "overloaded")
    #expect(
      error.details == [
        RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [0x0A, 0x02, 0x08, 0x3C]),
        RPCError.Detail(typeName: "x.Y", value: [1]),
      ])
    #expect(ConnectErrorJSON.decode(Array(#"{"code":"no_such_code"}"#.utf8))?.code == .unknown)
    #expect(ConnectErrorJSON.decode(Array(#"{"code":"ok"}"#.utf8))?.code == .unknown)
    #expect(
      ConnectErrorJSON.decode(Array(#"{"code":"not_found","message":null}"#.utf8))?.message == "")
  }

  @Test(arguments: [
    #"{}"#, #"{"code":null}"#, #"{"code":5}"#, #"[]"#, #"not json"#, #"{"code":"internal"} x"#, "",
    #"{"code":"internal","code":"unknown"}"#,
  ])
  func rejectsInvalidErrors(text: String) {
    #expect(ConnectErrorJSON.decode(Array(text.utf8)) == nil)
  }

  @Test func roundTripsEveryCode() {
    for code in StatusCode.allCases where code != .ok {
      let error = RPCError(
        code: code, message: "m \(code)",
        details: [RPCError.Detail(typeName: "a.B", value: [1, 2, 3])])
      #expect(ConnectErrorJSON.decode(ConnectErrorJSON.encode(error)) == error)
    }
  }
}

@Suite struct ConnectEndStreamTests {
  @Test func goldenStrings() throws {
    #expect(ConnectEndStream().jsonBytes() == Array("{}".utf8))
    let trailers: Metadata = [
      "acme-operation-cost": "237", "x-b-bin": .binary([1, 2]), "acme-operation-cost2": "a",
    ]
    var metadata = trailers
    metadata.addUnchecked("238", forKey: "acme-operation-cost")
    #expect(
      String(decoding: ConnectEndStream(metadata: metadata).jsonBytes(), as: UTF8.self)
        == #"{"metadata":{"acme-operation-cost":["237","238"],"x-b-bin":["AQI"],"acme-operation-cost2":["a"]}}"#
    )
    let failed = ConnectEndStream(
      error: RPCError(code: .unavailable, metadata: ["x-e": "1", "grpc-status": "dropped"]),
      metadata: ["x-t": "2"])
    #expect(
      String(decoding: failed.jsonBytes(), as: UTF8.self)
        == #"{"error":{"code":"unavailable"},"metadata":{"x-t":["2"],"x-e":["1"]}}"#)
  }

  @Test func envelopeCarriesTheEndStreamFlag() throws {
    var buffer: [UInt8] = []
    try ConnectEndStream().appendEnvelope(to: &buffer)
    #expect(buffer == [2, 0, 0, 0, 2, UInt8(ascii: "{"), UInt8(ascii: "}")])
  }

  @Test func parsesEndStreamMessages() throws {
    let success = try #require(ConnectEndStream(jsonBytes: Array("{}".utf8)))
    #expect(success.error == nil && success.metadata.isEmpty)
    let text =
      #"{"error": {"code": "unavailable", "message": "overloaded"}, "metadata": {"Acme-Cost": ["237", "1"], "x-bin": ["AQI="], "bad key": ["x"], "x-v": ["caf\u00e9"]}, "other": 1}"#
    let parsed = try #require(ConnectEndStream(jsonBytes: Array(text.utf8)))
    #expect(parsed.error == RPCError(code: .unavailable, message: "overloaded"))
    var expected: Metadata = ["acme-cost": "237"]
    expected.addUnchecked("1", forKey: "acme-cost")
    expected.addUnchecked(.binary([1, 2]), forKey: "x-bin")
    #expect(parsed.metadata == expected)
    #expect(ConnectEndStream(jsonBytes: Array(#"{"metadata":null}"#.utf8)) == ConnectEndStream())
  }

  @Test(arguments: [
    #"{"error":null}"#, #"{"error":{}}"#, #"{"error":{"code":null}}"#, #"[]"#,
    #"{"metadata":{"x-bin":["!"]}}"#,
    #"{"metadata":{"x":"notarray"}}"#, "{",
  ])
  func rejectsInvalidEndStreamMessages(text: String) {
    #expect(ConnectEndStream(jsonBytes: Array(text.utf8)) == nil)
  }

  @Test func roundTrips() {
    let message = ConnectEndStream(
      error: RPCError(
        code: .dataLoss, message: "x", details: [RPCError.Detail(typeName: "a.B", value: [9])]),
      metadata: ["x-a": "1", "x-b-bin": .binary([0, 255])])
    #expect(ConnectEndStream(jsonBytes: message.jsonBytes()) == message)
  }
}

@Suite struct HTTPMappingTests {
  @Test func rstStreamCodesMapToGRPCCodes() {
    let table: [(HTTP2ErrorCode, StatusCode?)] = [
      (.noError, .internal), (.protocolError, .internal), (.internalError, .internal),
      (.flowControlError, .internal), (.settingsTimeout, .internal), (.streamClosed, nil),
      (.frameSizeError, .internal), (.refusedStream, .unavailable), (.cancel, .cancelled),
      (.compressionError, .internal), (.connectError, .internal),
      (.enhanceYourCalm, .resourceExhausted),
      (.inadequateSecurity, .permissionDenied), (HTTP2ErrorCode(rawValue: 0x99), .internal),
    ]
    for (code, expected) in table {
      #expect(code.grpcStatusCode == expected, "\(code)")
    }
    #expect(HTTP2ErrorCode.cancel.description == "CANCEL")
    #expect(HTTP2ErrorCode(rawValue: 0x99).description == "0x99")
  }

  @Test func httpStatusesMapToCodes() {
    let table: [(Int, StatusCode)] = [
      (400, .internal), (401, .unauthenticated), (403, .permissionDenied), (404, .unimplemented),
      (429, .unavailable), (502, .unavailable), (503, .unavailable), (504, .unavailable),
      (500, .unknown),
      (415, .unknown),
    ]
    for (status, code) in table { #expect(StatusCode(httpStatus: status) == code, "\(status)") }
  }

  @Test func compressionNames() {
    #expect(CompressionAlgorithm(name: "gzip") == .gzip)
    #expect(CompressionAlgorithm(name: " GZip ") == .gzip)
    #expect(CompressionAlgorithm(name: "identity") == .identity)
    #expect(CompressionAlgorithm(name: "deflate") == .deflate)
    #expect(CompressionAlgorithm(name: "br") == nil)
    #expect(CompressionAlgorithm(name: Array("xgzip".utf8).dropFirst()) == .gzip)
    #expect(CompressionAlgorithm(name: [UInt8]()) == nil)
    #expect(CompressionAlgorithm.gzip.description == "gzip")
    #expect(CompressionAlgorithmSet([.gzip, .identity]).algorithms == [.identity, .gzip])
  }
}
