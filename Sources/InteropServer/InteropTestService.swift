public import SluiceGenerated
public import SluiceRuntime

/// `grpc.testing.TestService` as the gRPC interop test cases expect a server to behave:
/// payloads of the requested sizes, echoed metadata and statuses, compressed responses
/// on request (`response_compressed`, `ResponseParameters.compressed`) and a check that
/// requests expected compressed were (`expect_compressed`).
public struct InteropTestService: Grpc_Testing_TestService.ServiceProtocol {
  static let echoInitialKey = "x-grpc-test-echo-initial"
  static let echoTrailingKey = "x-grpc-test-echo-trailing-bin"

  /// A service instance.
  public init() {}

  /// Empty in, empty out.
  public func emptyCall(request: Grpc_Testing_Empty, context: ServerContext) async throws
    -> Grpc_Testing_Empty
  {
    echoMetadata(context)
    return Grpc_Testing_Empty()
  }

  /// A payload of `response_size` zero bytes, or the `response_status` asked for.
  public func unaryCall(request: Grpc_Testing_SimpleRequest, context: ServerContext) async throws
    -> Grpc_Testing_SimpleResponse
  {
    echoMetadata(context)
    try Self.checkCompression(expected: request.expectCompressed, context: context)
    if let compressed = request.responseCompressed {
      Self.compressResponses(compressed.value, context: context)
    }
    if let status = request.responseStatus { try Self.check(status) }
    var response = Grpc_Testing_SimpleResponse()
    response.payload = Self.payload(size: request.responseSize)
    return response
  }

  /// One response per `response_parameters` entry, after its interval.
  public func streamingOutputCall(
    request: Grpc_Testing_StreamingOutputCallRequest,
    response: RPCResponseWriter<Grpc_Testing_StreamingOutputCallResponse>, context: ServerContext
  ) async throws {
    echoMetadata(context)
    try await Self.respond(to: request, with: response, context: context)
  }

  /// The total size of the request payloads.
  public func streamingInputCall(
    requests: RPCRequestStream<Grpc_Testing_StreamingInputCallRequest>, context: ServerContext
  ) async throws -> Grpc_Testing_StreamingInputCallResponse {
    echoMetadata(context)
    var total = 0
    for try await request in requests {
      try Self.checkCompression(expected: request.expectCompressed, context: context)
      total += request.payload?.body.count ?? 0
    }
    var response = Grpc_Testing_StreamingInputCallResponse()
    response.aggregatedPayloadSize = Int32(clamping: total)
    return response
  }

  /// Answers each request as it arrives.
  public func fullDuplexCall(
    requests: RPCRequestStream<Grpc_Testing_StreamingOutputCallRequest>,
    response: RPCResponseWriter<Grpc_Testing_StreamingOutputCallResponse>, context: ServerContext
  ) async throws {
    echoMetadata(context)
    for try await request in requests {
      try await Self.respond(to: request, with: response, context: context)
    }
  }

  /// Reads every request, then answers them in order.
  public func halfDuplexCall(
    requests: RPCRequestStream<Grpc_Testing_StreamingOutputCallRequest>,
    response: RPCResponseWriter<Grpc_Testing_StreamingOutputCallResponse>, context: ServerContext
  ) async throws {
    echoMetadata(context)
    var all: [Grpc_Testing_StreamingOutputCallRequest] = []
    for try await request in requests {
      all.append(request)
    }
    for request in all {
      try await Self.respond(to: request, with: response, context: context)
    }
  }

  /// Not implemented, as the interop tests expect.
  public func unimplementedCall(request: Grpc_Testing_Empty, context: ServerContext) async throws
    -> Grpc_Testing_Empty
  {
    throw RPCError(code: .unimplemented, message: "UnimplementedCall is not implemented")
  }

  private func echoMetadata(_ context: ServerContext) {
    let request = context.requestMetadata
    if let initial = request.firstString(forKey: Self.echoInitialKey) {
      var headers = context.responseMetadata
      try? headers.addString(initial, forKey: Self.echoInitialKey)
      context.responseMetadata = headers
    }
    if let trailing = request.firstBinary(forKey: Self.echoTrailingKey) {
      var trailers = context.trailers
      try? trailers.addBinary(trailing, forKey: Self.echoTrailingKey)
      context.trailers = trailers
    }
  }

  private static func respond(
    to request: Grpc_Testing_StreamingOutputCallRequest,
    with writer: RPCResponseWriter<Grpc_Testing_StreamingOutputCallResponse>,
    context: ServerContext
  ) async throws {
    if let status = request.responseStatus { try check(status) }
    for parameters in request.responseParameters {
      if parameters.intervalUs > 0 {
        try await Task.sleep(for: .microseconds(Int(parameters.intervalUs)))
      }
      if let compressed = parameters.compressed {
        compressResponses(compressed.value, context: context)
      }
      var response = Grpc_Testing_StreamingOutputCallResponse()
      response.payload = payload(size: parameters.size)
      try await writer.write(response)
    }
  }

  /// The CompressedRequest feature: a request that says it was compressed must have been.
  private static func checkCompression(expected: Grpc_Testing_BoolValue?, context: ServerContext)
    throws
  {
    guard expected?.value == true, !context.requestWasCompressed else { return }
    throw RPCError(
      code: .invalidArgument, message: "expected a compressed request, got an uncompressed one")
  }

  /// The CompressedResponse feature: the next responses go out compressed or not.
  private static func compressResponses(_ compressed: Bool, context: ServerContext) {
    context.responseCompression = compressed ? .enabled : .disabled
  }

  private static func check(_ status: Grpc_Testing_EchoStatus) throws {
    guard status.code != 0 else { return }
    throw RPCError(
      code: StatusCode(rawValue: Int(status.code)) ?? .unknown, message: status.message)
  }

  private static func payload(size: Int32) -> Grpc_Testing_Payload {
    var payload = Grpc_Testing_Payload()
    payload.body = [UInt8](repeating: 0, count: max(0, Int(size)))
    return payload
  }
}
