import SluiceRuntime
import Testing

@Suite struct GRPCRequestValidationTests {
  typealias F = ProtocolFixtures

  @Test func acceptsAValidRequest() throws {
    let request = try #require(F.classify(F.grpcHeaders()).accepted)
    #expect(request.wireProtocol == .grpc(.grpc))
    #expect(request.handler.method.path == "/test.v1.Svc/Unary")
    #expect(request.kind == .unary)
    #expect(request.timeout == nil)
    #expect(request.metadata.isEmpty)
    #expect(request.requestCompression == .identity)
    #expect(request.responseCompression == .identity)
    #expect(!request.isGET)
    guard case .protobuf = request.codec else {
      Issue.record("expected protobuf")
      return
    }
  }

  @Test func contentTypeVariants() throws {
    let table: [(String, GRPCContentType)] = [
      ("application/grpc", .grpc), ("application/grpc+proto", .grpcProto),
      ("application/grpc+json", .grpcJSON), ("Application/GRPC", .grpc),
      ("application/grpc; charset=utf-8", .grpc), ("application/grpc+proto ; x=y", .grpcProto),
    ]
    for (value, expected) in table {
      let headers = F.grpcHeaders(extra: [("content-type", value)], removing: ["content-type"])
      let request = try #require(F.classify(headers).accepted, "\(value)")
      #expect(request.wireProtocol == .grpc(expected))
    }
    let json = try #require(
      F.classify(
        F.grpcHeaders(
          extra: [("content-type", "application/grpc+json")], removing: ["content-type"])
      )
      .accepted)
    guard case .json = json.codec else {
      Issue.record("expected JSON")
      return
    }
  }

  /// Each malformed request and the status it gets.
  @Test func rejectionTable() throws {
    let table: [(String, [(String, String)], Int, StatusCode, RejectedRequest.Form)] = [
      (
        "GET", F.grpcHeaders(extra: [(":method", "GET")], removing: [":method"]), 405, .internal,
        .grpc(.grpc)
      ),
      (
        "PUT", F.grpcHeaders(extra: [(":method", "PUT")], removing: [":method"]), 405, .internal,
        .grpc(.grpc)
      ),
      ("no method", F.grpcHeaders(removing: [":method"]), 405, .internal, .grpc(.grpc)),
      ("no scheme", F.grpcHeaders(removing: [":scheme"]), 400, .internal, .grpc(.grpc)),
      (
        "bad scheme", F.grpcHeaders(extra: [(":scheme", "ftp")], removing: [":scheme"]), 400,
        .internal, .grpc(.grpc)
      ),
      ("no path", F.grpcHeaders(removing: [":path"]), 400, .internal, .grpc(.grpc)),
      ("no te", F.grpcHeaders(removing: ["te"]), 400, .internal, .grpc(.grpc)),
      (
        "te gzip", F.grpcHeaders(extra: [("te", "gzip")], removing: ["te"]), 400, .internal,
        .grpc(.grpc)
      ),
      ("bad timeout", F.grpcHeaders(extra: [("grpc-timeout", "1x")]), 400, .internal, .grpc(.grpc)),
      (
        "long timeout", F.grpcHeaders(extra: [("grpc-timeout", "123456789S")]), 400, .internal,
        .grpc(.grpc)
      ),
      ("bad -bin", F.grpcHeaders(extra: [("x-data-bin", "!!")]), 400, .internal, .grpc(.grpc)),
      (
        "unknown method", F.grpcHeaders(path: "/test.v1.Svc/Nope"), 200, .unimplemented,
        .grpc(.grpc)
      ),
      (
        "unknown service", F.grpcHeaders(path: "/nope.Svc/Unary"), 200, .unimplemented, .grpc(.grpc)
      ),
      ("not a method path", F.grpcHeaders(path: "/"), 200, .unimplemented, .grpc(.grpc)),
      (
        "path with query", F.grpcHeaders(path: "/test.v1.Svc/Unary?x=1"), 200, .unimplemented,
        .grpc(.grpc)
      ),
      (
        "snappy", F.grpcHeaders(extra: [("grpc-encoding", "snappy")]), 200, .unimplemented,
        .grpc(.grpc)
      ),
      (
        "deflate off", F.grpcHeaders(extra: [("grpc-encoding", "deflate")]), 200, .unimplemented,
        .grpc(.grpc)
      ),
      (
        "+thrift",
        F.grpcHeaders(
          extra: [("content-type", "application/grpc+thrift")], removing: ["content-type"]),
        415, .invalidArgument, .grpc(.grpc)
      ),
      (
        "grpc-web",
        F.grpcHeaders(
          extra: [("content-type", "application/grpc-web")], removing: ["content-type"]),
        415, .invalidArgument, .plain
      ),
      ("no content-type", F.grpcHeaders(removing: ["content-type"]), 415, .invalidArgument, .plain),
      (
        "text/plain",
        F.grpcHeaders(extra: [("content-type", "text/plain")], removing: ["content-type"]),
        415, .invalidArgument, .plain
      ),
    ]
    for (name, headers, status, code, form) in table {
      let rejection = try #require(F.classify(headers).rejected, "\(name)")
      #expect(rejection.httpStatus == status, "\(name)")
      #expect(rejection.error.code == code, "\(name)")
      #expect(rejection.form == form, "\(name)")
    }
  }

  @Test func unknownMethodNamesThePath() throws {
    let rejection = try #require(F.classify(F.grpcHeaders(path: "/test.v1.Svc/Nope")).rejected)
    #expect(rejection.error.message == "unknown method /test.v1.Svc/Nope")
  }

  @Test func unsupportedEncodingListsTheAcceptedOnes() throws {
    let rejection = try #require(
      F.classify(F.grpcHeaders(extra: [("grpc-encoding", "snappy")])).rejected)
    #expect(rejection.acceptedCompression == [.identity, .gzip])
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(block.value(forName: "grpc-accept-encoding") == "identity,gzip")
    #expect(block.value(forName: "grpc-status") == "12")
  }

  @Test func teIsOptionalWhenConfigured() {
    let options = ServerProtocolOptions(requireTE: false)
    #expect(F.classify(F.grpcHeaders(removing: ["te"]), options: options).accepted != nil)
  }

  @Test func timeoutAndCompressionNegotiation() throws {
    let request = try #require(
      F.classify(
        F.grpcHeaders(extra: [
          ("grpc-timeout", "250m"), ("grpc-encoding", "gzip"),
          ("grpc-accept-encoding", "snappy, deflate,gzip"),
        ])
      ).accepted)
    #expect(request.timeout == .milliseconds(250))
    #expect(request.requestCompression == .gzip)
    #expect(request.responseCompression == .gzip)

    let table: [(String?, CompressionAlgorithm)] = [
      (nil, .identity), ("identity,gzip", .gzip), ("snappy", .identity), ("GZIP", .gzip),
      ("deflate", .identity), ("", .identity),
    ]
    for (accept, expected) in table {
      let extra = accept.map { [("grpc-accept-encoding", $0)] } ?? []
      let request = try #require(F.classify(F.grpcHeaders(extra: extra)).accepted)
      #expect(request.responseCompression == expected, "\(accept ?? "nil")")
    }
    let both = ServerProtocolOptions(supportedCompression: [.gzip, .deflate])
    let deflate = try #require(
      F.classify(
        F.grpcHeaders(extra: [("grpc-encoding", "deflate"), ("grpc-accept-encoding", "deflate")]),
        options: both
      ).accepted)
    #expect(deflate.requestCompression == .deflate)
    #expect(deflate.responseCompression == .deflate)
    let identity = try #require(
      F.classify(F.grpcHeaders(extra: [("grpc-encoding", "identity")])).accepted)
    #expect(identity.requestCompression == .identity)
  }

  @Test func extractsUserMetadata() throws {
    let request = try #require(
      F.classify(
        F.grpcHeaders(extra: [
          ("x-user", " value "), ("x-data-bin", "AQID"), ("x-list-bin", "AQ==, Ag"),
          ("user-agent", "grpc-go/1.0"),
          ("grpc-trace-bin", "AA"), ("grpc-message-type", "test.v1.Req"), ("grpc-timeout", "1S"),
          ("content-length", "5"), ("X-Upper", "a"), ("bad key", "x"), ("x-utf8", "caf\u{E9}"),
          ("x-user", "second"), ("x-empty-bin", ""), ("accept-encoding", "gzip"), ("host", "h"),
          ("grpc-status", "0"), ("connection", "close"),
        ])
      ).accepted)
    let expected: Metadata = [
      "x-user": "value", "x-data-bin": .binary([1, 2, 3]), "x-list-bin": .binary([1]),
    ]
    var all = expected
    all.addUnchecked(.binary([2]), forKey: "x-list-bin")
    all.addUnchecked("grpc-go/1.0", forKey: "user-agent")
    all.addUnchecked(.binary([0]), forKey: "grpc-trace-bin")
    all.addUnchecked("a", forKey: "x-upper")
    all.addUnchecked("second", forKey: "x-user")
    all.addUnchecked(.binary([]), forKey: "x-empty-bin")
    #expect(request.metadata == all)
  }

  @Test func userAgentCanBeKeptOut() throws {
    let headers = F.grpcHeaders(extra: [("user-agent", "grpc-python/1.62"), ("x-a", "b")])
    let kept = try #require(F.classify(headers).accepted)
    #expect(kept.metadata == ["user-agent": "grpc-python/1.62", "x-a": "b"])
    let dropped = try #require(
      F.classify(headers, options: ServerProtocolOptions(surfaceUserAgent: false)).accepted)
    #expect(dropped.metadata == ["x-a": "b"])
  }

  @Test func rawByteInterfaceMatchesStrings() throws {
    var parser = RequestHeadParser(router: F.router)
    for (name, value) in F.grpcHeaders(extra: [("x-a", "b")]) {
      Array(name.utf8).withUnsafeBytes { name in
        Array(value.utf8).withUnsafeBytes { value in parser.add(name: name, value: value) }
      }
    }
    let request = try #require(parser.classify().accepted)
    #expect(request.metadata == ["x-a": "b"])
  }
}

@Suite struct ConnectRequestValidationTests {
  typealias F = ProtocolFixtures

  @Test func acceptsUnaryPosts() throws {
    let json = try #require(F.classify(F.connectHeaders()).accepted)
    #expect(json.wireProtocol == .connectUnary(.json))
    guard case .json = json.codec else {
      Issue.record("expected JSON")
      return
    }
    let proto = try #require(
      F.classify(F.connectHeaders(contentType: "application/proto")).accepted)
    #expect(proto.wireProtocol == .connectUnary(.proto))
    let charset = try #require(
      F.classify(F.connectHeaders(contentType: "application/json; charset=utf-8")).accepted)
    #expect(charset.wireProtocol == .connectUnary(.json))
  }

  @Test func acceptsStreamingPosts() throws {
    for path in ["/test.v1.Svc/ServerStream", "/test.v1.Svc/ClientStream", "/test.v1.Svc/Bidi"] {
      let request = try #require(
        F.classify(F.connectHeaders(path: path, contentType: "application/connect+json")).accepted)
      #expect(request.wireProtocol == .connectStreaming(.json))
    }
    let proto = try #require(
      F.classify(
        F.connectHeaders(
          path: "/test.v1.Svc/ServerStream", contentType: "application/connect+proto")
      )
      .accepted)
    #expect(proto.wireProtocol == .connectStreaming(.proto))
  }

  @Test func rejectionTable() throws {
    let stream = "/test.v1.Svc/ServerStream"
    let table: [(String, [(String, String)], Int, StatusCode, RejectedRequest.Form)] = [
      ("unknown", F.connectHeaders(path: "/test.v1.Svc/Nope"), 404, .unimplemented, .connectUnary),
      (
        "streaming type on unary", F.connectHeaders(contentType: "application/connect+json"), 415,
        .invalidArgument, .plain
      ),
      ("unary type on streaming", F.connectHeaders(path: stream), 415, .invalidArgument, .plain),
      (
        "connect+thrift", F.connectHeaders(path: stream, contentType: "application/connect+thrift"),
        415, .invalidArgument, .plain
      ),
      ("xml", F.connectHeaders(contentType: "application/xml"), 415, .invalidArgument, .plain),
      (
        "version 2", F.connectHeaders(extra: [("connect-protocol-version", "2")]), 400,
        .invalidArgument, .connectUnary
      ),
      (
        "stream version 2",
        F.connectHeaders(
          path: stream, contentType: "application/connect+json",
          extra: [("connect-protocol-version", "2")]),
        200, .invalidArgument, .connectStreaming(.json)
      ),
      (
        "bad timeout", F.connectHeaders(extra: [("connect-timeout-ms", "soon")]), 400,
        .invalidArgument, .connectUnary
      ),
      (
        "11 digits", F.connectHeaders(extra: [("connect-timeout-ms", "12345678901")]), 400,
        .invalidArgument, .connectUnary
      ),
      (
        "bad -bin", F.connectHeaders(extra: [("x-bin", "%%%")]), 400, .invalidArgument,
        .connectUnary
      ),
      (
        "br", F.connectHeaders(extra: [("content-encoding", "br")]), 501, .unimplemented,
        .connectUnary
      ),
      (
        "stream br",
        F.connectHeaders(
          path: stream, contentType: "application/connect+proto",
          extra: [("connect-content-encoding", "br")]),
        200, .unimplemented, .connectStreaming(.proto)
      ),
      (
        "PUT", F.connectHeaders(extra: [(":method", "PUT")]).filter { $0 != (":method", "POST") },
        405, .invalidArgument, .plain
      ),
    ]
    for (name, headers, status, code, form) in table {
      let rejection = try #require(F.classify(headers).rejected, "\(name)")
      #expect(rejection.httpStatus == status, "\(name)")
      #expect(rejection.error.code == code, "\(name)")
      #expect(rejection.form == form, "\(name)")
    }
  }

  @Test func protocolVersionMayBeRequired() throws {
    let options = ServerProtocolOptions(requireConnectProtocolVersion: true)
    let missing = try #require(F.classify(F.connectHeaders(), options: options).rejected)
    #expect(missing.httpStatus == 400)
    #expect(
      F.classify(F.connectHeaders(extra: [("connect-protocol-version", "1")]), options: options)
        .accepted != nil)
  }

  @Test func timeoutAndCompression() throws {
    let request = try #require(
      F.classify(
        F.connectHeaders(extra: [
          ("connect-timeout-ms", "5000"), ("content-encoding", "gzip"),
          ("connect-protocol-version", "1"),
        ])
      ).accepted)
    #expect(request.timeout == .seconds(5))
    #expect(request.requestCompression == .gzip)
    #expect(request.responseCompression == .gzip)  // no accept-encoding: assume the request's

    let table: [([(String, String)], CompressionAlgorithm)] = [
      ([], .identity), ([("accept-encoding", "gzip")], .gzip),
      ([("accept-encoding", "br, gzip;q=0")], .identity),
      ([("accept-encoding", "gzip;q=0.5")], .gzip),
      ([("content-encoding", "gzip"), ("accept-encoding", "br")], .identity),
      ([("accept-encoding", "identity, gzip")], .gzip),
    ]
    for (extra, expected) in table {
      let request = try #require(F.classify(F.connectHeaders(extra: extra)).accepted)
      #expect(request.responseCompression == expected, "\(extra)")
    }
    let streaming = try #require(
      F.classify(
        F.connectHeaders(
          path: "/test.v1.Svc/Bidi", contentType: "application/connect+json",
          extra: [
            ("connect-content-encoding", "gzip"), ("connect-accept-encoding", "gzip"),
            ("content-encoding", "br"),
          ])
      ).accepted)
    #expect(streaming.requestCompression == .gzip)
    #expect(streaming.responseCompression == .gzip)
  }

  @Test func metadataIsPlainHeaders() throws {
    let request = try #require(
      F.classify(
        F.connectHeaders(extra: [
          ("acme-shard-id", "42"), ("x-bin", "AQID"), ("connect-timeout-ms", "1"),
          ("accept", "*/*"),
        ])
      ).accepted)
    #expect(
      request.metadata == ["acme-shard-id": "42", "x-bin": .binary([1, 2, 3]), "accept": "*/*"])
  }
}

@Suite struct ConnectGetValidationTests {
  typealias F = ProtocolFixtures

  static func get(_ path: String, extra: [(String, String)] = []) -> [(String, String)] {
    [(":method", "GET"), (":scheme", "https"), (":path", path)] + extra
  }

  @Test func acceptsGetForNoSideEffectMethods() throws {
    let request = try #require(
      F.classify(Self.get("/test.v1.Svc/Get?encoding=json&message=%7B%22a%22%3A1%7D&connect=v1"))
        .accepted)
    #expect(request.isGET)
    #expect(request.wireProtocol == .connectUnary(.json))
    #expect(request.getMessage == Array(#"{"a":1}"#.utf8))
    #expect(request.requestCompression == .identity)

    let base64 = try #require(
      F.classify(
        Self.get("/test.v1.Svc/Get?message=CgNhYmM&base64=1&encoding=proto&compression=identity")
      )
      .accepted)
    #expect(base64.getMessage == [0x0A, 0x03, 0x61, 0x62, 0x63])
    #expect(base64.wireProtocol == .connectUnary(.proto))

    let compressed = try #require(
      F.classify(
        Self.get(
          "/test.v1.Svc/Get?encoding=proto&base64=1&compression=gzip&message=AQ%3D%3D",
          extra: [("accept-encoding", "gzip"), ("connect-timeout-ms", "10")])
      ).accepted)
    #expect(compressed.requestCompression == .gzip)
    #expect(compressed.responseCompression == .gzip)
    #expect(compressed.getMessage == [1])
    #expect(compressed.timeout == .milliseconds(10))
  }

  @Test func rejectionTable() throws {
    let table: [(String, [(String, String)], Int, StatusCode, RejectedRequest.Form)] = [
      (
        "unknown", Self.get("/test.v1.Svc/Nope?encoding=json&message=%7B%7D"), 404, .unimplemented,
        .connectUnary
      ),
      (
        "side effects", Self.get("/test.v1.Svc/Unary?encoding=json&message=%7B%7D"), 405,
        .invalidArgument, .plain
      ),
      (
        "streaming", Self.get("/test.v1.Svc/ServerStream?encoding=json&message=%7B%7D"), 405,
        .invalidArgument, .plain
      ),
      ("no query", Self.get("/test.v1.Svc/Get"), 415, .invalidArgument, .plain),
      ("no encoding", Self.get("/test.v1.Svc/Get?message=%7B%7D"), 415, .invalidArgument, .plain),
      ("xml", Self.get("/test.v1.Svc/Get?encoding=xml&message=x"), 415, .invalidArgument, .plain),
      (
        "v2", Self.get("/test.v1.Svc/Get?encoding=json&message=%7B%7D&connect=v2"), 400,
        .invalidArgument, .connectUnary
      ),
      (
        "no message", Self.get("/test.v1.Svc/Get?encoding=json"), 400, .invalidArgument,
        .connectUnary
      ),
      (
        "bad escape", Self.get("/test.v1.Svc/Get?encoding=json&message=%7"), 400, .invalidArgument,
        .connectUnary
      ),
      (
        "bad base64", Self.get("/test.v1.Svc/Get?encoding=proto&base64=1&message=A"), 400,
        .invalidArgument, .connectUnary
      ),
      (
        "br", Self.get("/test.v1.Svc/Get?encoding=json&message=x&compression=br"), 501,
        .unimplemented, .connectUnary
      ),
      (
        "bad timeout",
        Self.get("/test.v1.Svc/Get?encoding=json&message=x", extra: [("connect-timeout-ms", "x")]),
        400, .invalidArgument, .connectUnary
      ),
    ]
    for (name, headers, status, code, form) in table {
      let rejection = try #require(F.classify(headers).rejected, "\(name)")
      #expect(rejection.httpStatus == status, "\(name)")
      #expect(rejection.error.code == code, "\(name)")
      #expect(rejection.form == form, "\(name)")
    }
    let notAllowed = try #require(
      F.classify(Self.get("/test.v1.Svc/Unary?encoding=json&message=x")).rejected)
    #expect(notAllowed.allow == "POST")
    let required = ServerProtocolOptions(requireConnectProtocolVersion: true)
    let missing = try #require(
      F.classify(Self.get("/test.v1.Svc/Get?encoding=json&message=x"), options: required).rejected)
    #expect(missing.httpStatus == 400)
  }

  @Test func queryDecoding() throws {
    let query = try #require(
      ConnectGetQuery(
        parsing:
          "connect=v1&unknown=1&encoding=json&message=%7B%22name%22%3A+%22a+b%22%7D&message=ignored&base64=0"
      ))
    #expect(query.message == Array(#"{"name": "a b"}"#.utf8))
    #expect(query.encoding == "json")
    #expect(query.connectVersion == "v1")
    #expect(!query.isBase64)
    #expect(query.compression == nil)

    let base64 = try #require(
      ConnectGetQuery(parsing: "base64=1&message=-_8&encoding=proto&compression=gzip"))
    #expect(base64.message == [0xFB, 0xFF])
    #expect(base64.isBase64)
    #expect(base64.compression == "gzip")

    let padded = try #require(ConnectGetQuery(parsing: "message=AQ%3D%3D&base64=1"))
    #expect(padded.message == [1])
    let empty = try #require(ConnectGetQuery(parsing: ""))
    #expect(empty.message == nil && empty.encoding == nil)
    let emptyMessage = try #require(ConnectGetQuery(parsing: "message=&encoding=json&&"))
    #expect(emptyMessage.message == [])

    #expect(ConnectGetQuery(parsing: "message=%zz") == nil)
    #expect(ConnectGetQuery(parsing: "encoding=%4") == nil)
    #expect(ConnectGetQuery(parsing: "message=A&base64=1") == nil)
  }
}

@Suite struct PlainRequestTests {
  typealias F = ProtocolFixtures

  @Test func nonRPCRequests() throws {
    let table: [(String, [(String, String)], Int, String?)] = [
      ("POST without type", [(":method", "POST"), (":path", "/test.v1.Svc/Unary")], 415, nil),
      ("DELETE", [(":method", "DELETE"), (":path", "/test.v1.Svc/Unary")], 405, "GET, POST"),
      ("no method", [(":path", "/x")], 405, "GET, POST"),
      ("GET favicon", [(":method", "GET"), (":path", "/favicon.ico")], 404, nil),
    ]
    for (name, headers, status, allow) in table {
      let rejection = try #require(F.classify(headers).rejected, "\(name)")
      #expect(rejection.httpStatus == status, "\(name)")
      #expect(rejection.allow == allow, "\(name)")
    }
  }
}
