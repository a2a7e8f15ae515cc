import SluiceGenerated
import SluiceRuntime

/// The gRPC interop test cases a client drives (gRPC's `interop-test-descriptions.md`),
/// written against the generated `Grpc_Testing_TestService.Client`, so they run over any
/// transport and against any server.
enum InteropCase: String, CaseIterable, Sendable {
  case emptyUnary = "empty_unary"
  case largeUnary = "large_unary"
  case clientStreaming = "client_streaming"
  case serverStreaming = "server_streaming"
  case pingPong = "ping_pong"
  case emptyStream = "empty_stream"
  case customMetadata = "custom_metadata"
  case statusCodeAndMessage = "status_code_and_message"
  case specialStatusMessage = "special_status_message"
  case unimplementedMethod = "unimplemented_method"
  case unimplementedService = "unimplemented_service"
  case cancelAfterBegin = "cancel_after_begin"
  case cancelAfterFirstResponse = "cancel_after_first_response"
  case timeoutOnSleepingServer = "timeout_on_sleeping_server"
  case clientCompressedUnary = "client_compressed_unary"
  case clientCompressedStreaming = "client_compressed_streaming"
  case serverCompressedUnary = "server_compressed_unary"
  case serverCompressedStreaming = "server_compressed_streaming"

  /// A check that did not hold.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs the case. `serverChecksCompression`: the server rejects an uncompressed request
  /// marked `expect_compressed` (the cases' probe step; grpcio's servers cannot tell).
  func run(
    _ client: Grpc_Testing_TestService.Client, transport: any ClientTransport,
    serverChecksCompression: Bool
  ) async throws {
    switch self {
    case .emptyUnary:
      let response = try await client.emptyCall(Grpc_Testing_Empty())
      try check(response == Grpc_Testing_Empty(), "non-empty response")
    case .largeUnary:
      let response = try await client.unaryCall(Self.simpleRequest())
      try check(response.payload?.body == Self.zeros(314_159), "wrong payload")
    case .clientStreaming:
      let response = try await client.streamingInputCall { writer in
        for size in [27_182, 8, 1_828, 45_904] {
          var request = Grpc_Testing_StreamingInputCallRequest()
          request.payload = Self.payload(size)
          try await writer.write(request)
        }
      }
      try check(response.aggregatedPayloadSize == 74_922, "aggregated \(response.aggregatedPayloadSize)")
    case .serverStreaming:
      var request = Grpc_Testing_StreamingOutputCallRequest()
      request.responseParameters = [31_415, 9, 2_653, 58_979].map(Self.parameters)
      var sizes: [Int] = []
      for try await response in try await client.streamingOutputCall(request) {
        try check(response.payload?.body == Self.zeros(response.payload?.body.count ?? 0), "non-zero payload")
        sizes.append(response.payload?.body.count ?? -1)
      }
      try check(sizes == [31_415, 9, 2_653, 58_979], "sizes \(sizes)")
    case .pingPong:
      try await pingPong(client)
    case .emptyStream:
      let count = try await client.fullDuplexCall { _ in } responses: { responses in
        var count = 0
        for try await _ in responses { count += 1 }
        return count
      }
      try check(count == 0, "\(count) responses")
    case .customMetadata:
      try await customMetadata(client)
    case .statusCodeAndMessage:
      try await statusCodeAndMessage(client, message: "test status message")
    case .specialStatusMessage:
      try await statusCodeAndMessage(
        client, message: "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")
    case .unimplementedMethod:
      let error = try await expectError { _ = try await client.unimplementedCall(Grpc_Testing_Empty()) }
      try check(error.code == .unimplemented, "\(error)")
    case .unimplementedService:
      let method = MethodDescriptor(
        service: "grpc.testing.UnimplementedService", method: "UnimplementedCall", kind: .unary,
        inputType: "grpc.testing.Empty", outputType: "grpc.testing.Empty")
      let error = try await expectError {
        _ = try await transport.performUnary(
          Grpc_Testing_Empty(), method: method, options: CallOptions(),
          responseType: Grpc_Testing_Empty.self)
      }
      try check(error.code == .unimplemented, "\(error)")
    case .cancelAfterBegin:
      let stream = try await transport.stream(
        method: Grpc_Testing_TestService.Method.streamingInputCall, options: CallOptions())
      stream.cancel()
      let error = try await expectError { _ = try await stream.singleResponse() }
      try check(error.code == .cancelled, "\(error)")
    case .cancelAfterFirstResponse:
      let stream = try await transport.stream(
        method: Grpc_Testing_TestService.Method.fullDuplexCall, options: CallOptions())
      var request = Grpc_Testing_StreamingOutputCallRequest()
      request.responseParameters = [Self.parameters(31_415)]
      request.payload = Self.payload(27_182)
      try await stream.write(request.serializedBytes())
      let first = try await stream.nextResponse()
      try check(first != nil, "no first response")
      stream.cancel()
      let error = try await expectError { _ = try await stream.nextResponse() }
      try check(error.code == .cancelled, "\(error)")
    case .timeoutOnSleepingServer:
      let error = try await expectError {
        try await client.fullDuplexCall(options: CallOptions(timeout: .milliseconds(1))) { writer in
          var request = Grpc_Testing_StreamingOutputCallRequest()
          request.payload = Self.payload(27_182)
          try await writer.write(request)
          // The request side stays open: the server has nothing to answer, so only the
          // deadline can end the call.
          try await Task.sleep(for: .seconds(30))
        } responses: { responses in
          for try await _ in responses {}
        }
      }
      try check(error.code == .deadlineExceeded, "\(error)")
    case .clientCompressedUnary:
      try await clientCompressedUnary(client, serverChecksCompression: serverChecksCompression)
    case .clientCompressedStreaming:
      try await clientCompressedStreaming(client, serverChecksCompression: serverChecksCompression)
    case .serverCompressedUnary:
      for compressed in [true, false] {
        var request = Self.simpleRequest()
        request.responseCompressed = Self.bool(compressed)
        let response = try await client.unaryCall(request)
        try check(response.payload?.body == Self.zeros(314_159), "wrong payload (compressed: \(compressed))")
      }
    case .serverCompressedStreaming:
      var request = Grpc_Testing_StreamingOutputCallRequest()
      var first = Self.parameters(31_415)
      first.compressed = Self.bool(true)
      var second = Self.parameters(92_653)
      second.compressed = Self.bool(false)
      request.responseParameters = [first, second]
      var sizes: [Int] = []
      for try await response in try await client.streamingOutputCall(request) {
        sizes.append(response.payload?.body.count ?? -1)
      }
      try check(sizes == [31_415, 92_653], "sizes \(sizes)")
    }
  }

  private func pingPong(_ client: Grpc_Testing_TestService.Client) async throws {
    let sizes = [(31_415, 27_182), (9, 8), (2_653, 1_828), (58_979, 45_904)]
    let stream = AsyncStream<Grpc_Testing_StreamingOutputCallRequest>.makeStream()
    let received = try await client.fullDuplexCall { writer in
      for try await request in stream.stream { try await writer.write(request) }
    } responses: { responses in
      var received: [Int] = []
      var iterator = responses.makeAsyncIterator()
      for (responseSize, payloadSize) in sizes {
        var request = Grpc_Testing_StreamingOutputCallRequest()
        request.responseParameters = [Self.parameters(responseSize)]
        request.payload = Self.payload(payloadSize)
        stream.continuation.yield(request)
        guard let response = try await iterator.next() else { break }
        received.append(response.payload?.body.count ?? -1)
      }
      stream.continuation.finish()
      guard try await iterator.next() == nil else { throw Failure(description: "extra response") }
      return received
    }
    try check(received == sizes.map(\.0), "sizes \(received)")
  }

  private func customMetadata(_ client: Grpc_Testing_TestService.Client) async throws {
    var metadata = Metadata()
    try metadata.addString("test_initial_metadata_value", forKey: "x-grpc-test-echo-initial")
    try metadata.addBinary([0xAB, 0xAB, 0xAB], forKey: "x-grpc-test-echo-trailing-bin")
    let options = CallOptions(metadata: metadata)
    let unary = try await client.unaryCallWithMetadata(Self.simpleRequest(), options: options)
    try check(
      unary.metadata.firstString(forKey: "x-grpc-test-echo-initial") == "test_initial_metadata_value",
      "unary headers \(unary.metadata)")
    try check(
      unary.trailers.firstBinary(forKey: "x-grpc-test-echo-trailing-bin") == [0xAB, 0xAB, 0xAB],
      "unary trailers \(unary.trailers)")

    let (headers, trailers) = try await client.fullDuplexCall(options: options) { writer in
      var request = Grpc_Testing_StreamingOutputCallRequest()
      request.responseParameters = [Self.parameters(314_159)]
      request.payload = Self.payload(271_828)
      try await writer.write(request)
    } responses: { responses in
      let headers = try await responses.metadata()
      for try await _ in responses {}
      return (headers, responses.trailers)
    }
    try check(
      headers.firstString(forKey: "x-grpc-test-echo-initial") == "test_initial_metadata_value",
      "streaming headers \(headers)")
    try check(
      trailers.firstBinary(forKey: "x-grpc-test-echo-trailing-bin") == [0xAB, 0xAB, 0xAB],
      "streaming trailers \(trailers)")
  }

  private func statusCodeAndMessage(_ client: Grpc_Testing_TestService.Client, message: String) async throws {
    var status = Grpc_Testing_EchoStatus()
    status.code = 2
    status.message = message
    var request = Grpc_Testing_SimpleRequest()
    request.responseStatus = status
    let unary = try await expectError { _ = try await client.unaryCall(request) }
    try check(unary.code == .unknown && unary.message == message, "unary \(unary)")

    var streamingRequest = Grpc_Testing_StreamingOutputCallRequest()
    streamingRequest.responseStatus = status
    let streaming = streamingRequest
    let duplex = try await expectError {
      try await client.fullDuplexCall { writer in
        try await writer.write(streaming)
      } responses: { responses in
        for try await _ in responses {}
      }
    }
    try check(duplex.code == .unknown && duplex.message == message, "full duplex \(duplex)")
  }

  private func clientCompressedUnary(
    _ client: Grpc_Testing_TestService.Client, serverChecksCompression: Bool
  ) async throws {
    if serverChecksCompression {
      var probe = Self.simpleRequest()
      probe.expectCompressed = Self.bool(true)
      let error = try await expectError { _ = try await client.unaryCall(probe) }
      try check(error.code == .invalidArgument, "probe \(error)")
    }
    for compressed in [true, false] {
      var request = Self.simpleRequest()
      request.expectCompressed = Self.bool(compressed)
      let response = try await client.unaryCall(request, options: CallOptions(compression: compressed))
      try check(response.payload?.body == Self.zeros(314_159), "wrong payload (compressed: \(compressed))")
    }
  }

  private func clientCompressedStreaming(
    _ client: Grpc_Testing_TestService.Client, serverChecksCompression: Bool
  ) async throws {
    func request(_ size: Int, expectCompressed: Bool) -> Grpc_Testing_StreamingInputCallRequest {
      var request = Grpc_Testing_StreamingInputCallRequest()
      request.payload = Self.payload(size)
      request.expectCompressed = Self.bool(expectCompressed)
      return request
    }
    if serverChecksCompression {
      let error = try await expectError {
        _ = try await client.streamingInputCall { writer in
          try await writer.write(request(27_182, expectCompressed: true))
        }
      }
      try check(error.code == .invalidArgument, "probe \(error)")
    }
    let response = try await client.streamingInputCall(options: CallOptions(compression: true)) { writer in
      try await writer.write(request(27_182, expectCompressed: true))
      try await writer.write(request(45_904, expectCompressed: false))
    }
    try check(response.aggregatedPayloadSize == 73_086, "aggregated \(response.aggregatedPayloadSize)")
  }

  // MARK: Helpers

  private func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw Failure(description: message()) }
  }

  /// The RPCError `body` fails with; a failure when it succeeds or throws anything else.
  private func expectError(_ body: () async throws -> Void) async throws -> RPCError {
    do {
      try await body()
    } catch let error as RPCError {
      return error
    }
    throw Failure(description: "the call succeeded")
  }

  static func zeros(_ count: Int) -> [UInt8] { [UInt8](repeating: 0, count: count) }

  static func payload(_ size: Int) -> Grpc_Testing_Payload {
    var payload = Grpc_Testing_Payload()
    payload.body = zeros(size)
    return payload
  }

  static func parameters(_ size: Int) -> Grpc_Testing_ResponseParameters {
    var parameters = Grpc_Testing_ResponseParameters()
    parameters.size = Int32(size)
    return parameters
  }

  static func bool(_ value: Bool) -> Grpc_Testing_BoolValue {
    var bool = Grpc_Testing_BoolValue()
    bool.value = value
    return bool
  }

  static func simpleRequest() -> Grpc_Testing_SimpleRequest {
    var request = Grpc_Testing_SimpleRequest()
    request.responseSize = 314_159
    request.payload = payload(271_828)
    return request
  }
}
