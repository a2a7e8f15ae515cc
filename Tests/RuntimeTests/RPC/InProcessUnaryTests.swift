import SluiceRuntime
import Testing

@Suite struct InProcessUnaryTests {
  @Test func metadataTravelsBothWays() async throws {
    let harness = try EchoHarness()
    let response = try await harness.client.getWithMetadata(
      Echo_V1_EchoRequest(text: "hello"), options: CallOptions(metadata: ["x-echo": "ping"]))
    #expect(response.message == Echo_V1_EchoResponse(text: "hello"))
    #expect(response.metadata == ["x-echo": "ping"])
    #expect(response.trailers == ["x-handled": "get"])
    #expect(try await harness.client.get(Echo_V1_EchoRequest(text: "again")).text == "again")
  }

  @Test func errorsCarryCodeMessageTrailersAndDetails() async throws {
    let harness = try EchoHarness()
    let request = Echo_V1_EchoRequest(text: "x", failCode: 5, failMessage: "no such thing")
    for options in [CallOptions(), CallOptions(timeout: .seconds(30))] {
      let error = try #require(
        await rpcError { try await harness.client.get(request, options: options) })
      #expect(error.code == .notFound)
      #expect(error.message == "no such thing")
      #expect(error.metadata == ["x-trailer": "before-error", "x-error": "yes"])
      #expect(error.details == [RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [8, 1])])
    }
  }

  @Test func jsonCodecEndToEnd() async throws {
    let harness = try EchoHarness(codec: .json())
    #expect(try await harness.client.get(Echo_V1_EchoRequest(text: "json")).text == "json")
    let raw = try await harness.transport.unary(
      method: Echo_V1_EchoService.Method.get, request: Array(#"{"text":"raw"}"#.utf8),
      options: CallOptions())
    #expect(String(decoding: raw.message, as: UTF8.self) == #"{"text":"raw"}"#)
  }

  @Test func unknownMethodIsUnimplemented() async throws {
    let harness = try EchoHarness()
    let missing = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Missing", kind: .unary, inputType: "a",
      outputType: "b")
    let error = await rpcError {
      try await harness.transport.unary(method: missing, request: [], options: CallOptions())
    }
    #expect(error?.code == .unimplemented)
    let streamError = await rpcError {
      try await harness.transport.stream(method: missing, options: CallOptions())
    }
    #expect(streamError?.code == .unimplemented)
  }

  @Test func undecodableRequestIsInvalidArgument() async throws {
    let harness = try EchoHarness()
    let error = await rpcError {
      try await harness.transport.unary(
        method: Echo_V1_EchoService.Method.get, request: [0x0a, 0x05], options: CallOptions())
    }
    #expect(error?.code == .invalidArgument)
  }

  private struct Oops: Error {}

  @Test func otherHandlerErrorsBecomeUnknown() async throws {
    let method = MethodDescriptor(
      service: "test.Faulty", method: "Throw", kind: .unary, inputType: "echo.v1.EchoRequest",
      outputType: "echo.v1.EchoResponse")
    let handler = RPCHandler.unary(method) {
      (_: Echo_V1_EchoRequest, _) async throws -> Echo_V1_EchoResponse in
      throw Oops()
    }
    let harness = try EchoHarness(extraHandlers: [handler])
    let error = await rpcError {
      try await harness.transport.performUnary(
        Echo_V1_EchoRequest(), method: method, options: CallOptions(),
        responseType: Echo_V1_EchoResponse.self)
    }
    #expect(error?.code == .unknown)
    #expect(error?.message.contains("Oops") == true)
  }

  @Test func deadlineCancelsTheHandler() async throws {
    let harness = try EchoHarness()
    let start = ContinuousClock.now
    let error = await rpcError {
      try await harness.client.get(
        Echo_V1_EchoRequest(text: "slow", delayMs: 600_000),
        options: CallOptions(timeout: .milliseconds(50)))
    }
    #expect(error?.code == .deadlineExceeded)
    // The handler would take ten minutes: the caller is answered long before it (the
    // bound is loose because CPU-bound tests running beside this one can hold both
    // cooperative threads for many seconds on a loaded 2-core machine).
    #expect(ContinuousClock.now - start < .seconds(300))
    #expect(await harness.probe.waitFor("get cancelled"))
  }

  @Test func handlerSeesTheDeadline() async throws {
    let method = MethodDescriptor(
      service: "test.Deadline", method: "Remaining", kind: .unary, inputType: "echo.v1.EchoRequest",
      outputType: "echo.v1.EchoResponse")
    let handler = RPCHandler.unary(method) {
      (_: Echo_V1_EchoRequest, context) async throws -> Echo_V1_EchoResponse in
      let remaining = context.timeRemaining.map { $0 > .seconds(1800) && $0 <= .seconds(3600) }
      return Echo_V1_EchoResponse(text: "\(remaining.map(String.init) ?? "none") \(context.peer)")
    }
    let harness = try EchoHarness(extraHandlers: [handler])
    let withDeadline = try await harness.transport.performUnary(
      Echo_V1_EchoRequest(), method: method, options: CallOptions(timeout: .seconds(3600)),
      responseType: Echo_V1_EchoResponse.self)
    #expect(withDeadline.message.text == "true in-process")
    let without = try await harness.transport.performUnary(
      Echo_V1_EchoRequest(), method: method, options: CallOptions(),
      responseType: Echo_V1_EchoResponse.self)
    #expect(without.message.text == "none in-process")
  }

  @Test func cancellingTheCallerCancelsTheHandler() async throws {
    for options in [CallOptions(), CallOptions(timeout: .seconds(30))] {
      let harness = try EchoHarness()
      let call = Task {
        try await harness.client.get(
          Echo_V1_EchoRequest(text: "slow", delayMs: 5000), options: options)
      }
      #expect(await harness.probe.waitFor("get started"))
      call.cancel()
      let error = await rpcError { try await call.value }
      #expect(error?.code == .cancelled)
      #expect(await harness.probe.waitFor("get cancelled"))
    }
    let harness = try EchoHarness()
    let alreadyCancelled = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await harness.client.get(Echo_V1_EchoRequest(text: "never"))
    }
    #expect(await rpcError { try await alreadyCancelled.value }?.code == .cancelled)
  }

  @Test func unaryHandlersNeedExactlyOneRequest() async throws {
    let harness = try EchoHarness()
    let none = try await harness.transport.stream(
      method: Echo_V1_EchoService.Method.get, options: CallOptions())
    await none.finishRequests()
    #expect(await rpcError { try await none.singleResponse() }?.code == .internal)

    let two = try await harness.transport.stream(
      method: Echo_V1_EchoService.Method.get, options: CallOptions())
    let bytes = Echo_V1_EchoRequest(text: "a").serializedBytes()
    try await two.write(bytes)
    try await two.write(bytes)
    await two.finishRequests()
    #expect(await rpcError { try await two.responseMetadata() }?.code == .internal)
    #expect(await rpcError { try await two.write(bytes) }?.code == .internal)
  }
}
