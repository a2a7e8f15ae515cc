import SluiceClient
import SluiceRuntime
import SluiceTransport
import Testing

/// The gRPC wire protocol as the client speaks it, checked against a scripted server
/// that records what arrives and sends exactly what a test wants.
@Suite struct WireProtocolTests {
  /// A server answering every call with `answer`.
  private func withServer(
    _ answer: @escaping @Sendable (Responder, Int32) -> Void,
    configuration: HTTP2ClientConnection.Configuration = HTTP2ClientConnection.Configuration(),
    _ body: (ClientChannel, ScriptedServer, Int) async throws -> Void
  ) async throws {
    let server = ScriptedServer(script: answer)
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false, configuration: configuration)
    try await body(transport, server, port)
    transport.close()
    await server.stop()
  }

  private static func okResponse(_ responder: Responder, _ streamID: Int32) {
    responder.sendHeaders(streamID)
    responder.sendMessage(streamID, [9])
    responder.sendTrailers(streamID)
  }

  @Test func requestHeadersAndCompressedMessages() async throws {
    try await withServer(Self.okResponse) { transport, server, port in
      var metadata = Metadata()
      try metadata.addString("hello", forKey: "x-text")
      try metadata.addBinary([0, 1, 2, 255], forKey: "x-data-bin")
      try metadata.addString("dropped", forKey: "grpc-internal")
      let payload = [UInt8](repeating: 7, count: 1000)
      let response = try await transport.unary(
        method: rawMethod(), request: payload,
        options: CallOptions(timeout: .seconds(5), metadata: metadata, compression: true))
      #expect(response.message == [9])
      let request = try #require(server.requests.first)
      #expect(request.header(":method") == "POST")
      #expect(request.header(":scheme") == "http")
      #expect(request.header(":path") == "/sluice.test.Scripted/Echo")
      #expect(request.header(":authority") == "127.0.0.1:\(port)")
      #expect(request.header("content-type") == "application/grpc+proto")
      #expect(request.header("te") == "trailers")
      #expect(request.header("user-agent")?.hasPrefix("grpc-swift-sluice/") == true)
      #expect(request.header("grpc-accept-encoding")?.contains("gzip") == true)
      #expect(request.header("grpc-encoding") == "gzip")
      let timeout = request.header("grpc-timeout").flatMap(GRPCTimeout.parse)
      #expect(timeout.map { $0 > .seconds(1) && $0 <= .seconds(5) } == true)
      #expect(request.header("x-text") == "hello")
      #expect(request.header("x-data-bin") == "AAEC/w")
      #expect(request.header("grpc-internal") == nil)
      // One message, flagged compressed, gzip of the payload.
      #expect(request.body.first == 1)
      let length = request.body.dropFirst().prefix(4).reduce(0) { $0 << 8 | Int($1) }
      #expect(length == request.body.count - 5)
      var inflated: [UInt8] = []
      try Decompressor(algorithm: .gzip, maxDecompressedSize: 1 << 20)
        .decompress(Array(request.body.dropFirst(5)), into: &inflated)
      #expect(inflated == payload)
    }
  }

  @Test func uncompressedRequestsCarryNoEncoding() async throws {
    try await withServer(Self.okResponse) { transport, server, _ in
      _ = try await transport.unary(method: rawMethod(), request: [1, 2, 3], options: CallOptions())
      let request = try #require(server.requests.first)
      #expect(request.header("grpc-encoding") == nil)
      #expect(request.header("grpc-timeout") == nil)
      #expect(request.body == [0, 0, 0, 0, 3, 1, 2, 3])
    }
  }

  @Test(arguments: [
    (400, StatusCode.internal), (401, .unauthenticated), (403, .permissionDenied),
    (404, .unimplemented), (429, .unavailable), (502, .unavailable), (503, .unavailable),
    (504, .unavailable), (500, .unknown),
  ])
  func httpStatusWithoutGRPCStatusIsMapped(httpStatus: Int, code: StatusCode) async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(streamID, [(":status", String(httpStatus)), ("content-type", "text/html")])
      responder.sendData(streamID, Array("<html>proxy error</html>".utf8), endStream: true)
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == code, "\(String(describing: error))")
      #expect(error?.message.contains(String(httpStatus)) == true)
    }
  }

  @Test func aNonGRPCContentTypeIsUnknown() async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(streamID, [(":status", "200"), ("content-type", "text/plain")])
      responder.sendData(streamID, Array("hello".utf8), endStream: true)
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == .unknown, "\(String(describing: error))")
    }
  }

  @Test func statusMessageDetailsAndBinaryTrailersAreDecoded() async throws {
    let detail = RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [8, 1])
    var details: [UInt8] = []
    GRPCStatusDetails.encode(
      RPCError(code: .invalidArgument, message: "café %", details: [detail]), into: &details)
    let detailsValue = String(decoding: details, as: UTF8.self)
    try await withServer({ responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendTrailers(
        streamID, status: 3, message: "caf%C3%A9 %25",
        extra: [("grpc-status-details-bin", detailsValue), ("x-trace-bin", "AAH/")])
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message == "café %")
      #expect(error?.details == [detail])
      #expect(error?.metadata.firstBinary(forKey: "x-trace-bin") == [0, 1, 255])
    }
  }

  @Test func trailersOnlyResponses() async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(
        streamID,
        [(":status", "200"), ("content-type", "application/grpc"), ("grpc-status", "5"),
         ("grpc-message", "no such row"), ("x-why", "gone")],
        endStream: true)
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == .notFound)
      #expect(error?.message == "no such row")
      #expect(error?.metadata.firstString(forKey: "x-why") == "gone")
      let stream = try await transport.stream(method: rawMethod(.serverStreaming), options: CallOptions())
      await stream.finishRequests()
      let streamError = await rpcError { _ = try await stream.responseMetadata() }
      #expect(streamError?.code == .notFound)
    }
  }

  @Test func compressedResponsesAreDecompressed() async throws {
    let message = [UInt8](repeating: 3, count: 100_000)
    var compressed: [UInt8] = []
    try Compressor(algorithm: .gzip).compress(message, into: &compressed)
    let body = compressed
    try await withServer({ responder, streamID in
      responder.sendHeaders(
        streamID, [(":status", "200"), ("content-type", "application/grpc"), ("grpc-encoding", "gzip")])
      responder.sendMessage(streamID, body, flags: 1)
      responder.sendMessage(streamID, [5])
      responder.sendTrailers(streamID)
    }) { transport, _, _ in
      let stream = try await transport.stream(method: rawMethod(.serverStreaming), options: CallOptions())
      await stream.finishRequests()
      #expect(try await stream.nextResponse() == message)
      #expect(try await stream.nextResponse() == [5])
      #expect(try await stream.nextResponse() == nil)
    }
  }

  @Test func responsesOverTheLimitAreResourceExhausted() async throws {
    // 5 MiB of zeros gzip to a few KiB: the limit applies after decompression.
    let bomb = [UInt8](repeating: 0, count: 5 << 20)
    var compressed: [UInt8] = []
    try Compressor(algorithm: .gzip).compress(bomb, into: &compressed)
    let body = compressed
    try await withServer({ responder, streamID in
      responder.sendHeaders(
        streamID, [(":status", "200"), ("content-type", "application/grpc"), ("grpc-encoding", "gzip")])
      if streamID == 1 {
        responder.sendMessage(streamID, body, flags: 1)
      } else {
        // Only the length prefix of an uncompressed message over the limit.
        responder.sendData(streamID, [0, 0, 0x50, 0, 0])
      }
    }) { transport, server, _ in
      for _ in 0..<2 {
        let error = await rpcError {
          _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
        }
        #expect(error?.code == .resourceExhausted, "\(String(describing: error))")
      }
      #expect(await eventually { server.requests.allSatisfy { $0.closeCode == .cancel } })
    }
  }

  @Test func aSmallerReceiveLimitIsEnforced() async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendMessage(streamID, [UInt8](repeating: 1, count: 2_000))
      responder.sendTrailers(streamID)
    }, configuration: .init(maxReceiveMessageSize: 1_000)) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == .resourceExhausted)
    }
  }

  @Test func unsupportedResponseEncodingIsInternal() async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(
        streamID, [(":status", "200"), ("content-type", "application/grpc"), ("grpc-encoding", "snappy")])
      responder.sendMessage(streamID, [1], flags: 1)
      responder.sendTrailers(streamID)
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == .internal)
      #expect(error?.message.contains("snappy") == true)
    }
  }

  @Test(arguments: [
    (HTTP2ErrorCode.refusedStream, StatusCode.unavailable), (.cancel, .cancelled),
    (.enhanceYourCalm, .resourceExhausted), (.inadequateSecurity, .permissionDenied),
    (.internalError, .internal),
  ])
  func serverResetsAreMapped(code: HTTP2ErrorCode, status: StatusCode) async throws {
    try await withServer({ responder, streamID in
      responder.reset(streamID, code: code)
    }) { transport, _, _ in
      let error = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(error?.code == status, "\(String(describing: error))")
    }
  }

  @Test func unaryShapeViolations() async throws {
    try await withServer({ responder, streamID in
      responder.sendHeaders(streamID)
      if streamID == 1 {
        responder.sendMessage(streamID, [1])
        responder.sendMessage(streamID, [2])
      }
      responder.sendTrailers(streamID)
    }) { transport, _, _ in
      let twoMessages = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(twoMessages?.code == .internal)
      let noMessage = await rpcError {
        _ = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
      }
      #expect(noMessage?.code == .internal)
    }
  }
}
