import SluiceRuntime
import Testing

/// Client interceptors on an ``InterceptedClientTransport`` over the in-process
/// transport: options, order, local rejection, and the outcome of each kind of call,
/// reported exactly once.
@Suite struct ClientInterceptorTests {
  /// Adds `x-echo: <value>` (which the echo service sends back) and an optional timeout.
  struct Options: ClientInterceptor {
    let value: String
    var timeout: Duration?

    func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
      -> ClientCallObserver?
    {
      try options.metadata.addString(value, forKey: "x-echo")
      if let timeout { options.timeout = timeout }
      return nil
    }
  }

  private static func recorded(_ echo: InterceptedEcho, prefix: String) -> [String] {
    echo.probe.recorded.filter { $0.hasPrefix(prefix) }
  }

  @Test func interceptorsChangeTheCallOptions() async throws {
    let echo = try InterceptedEcho(client: { _ in [Options(value: "from-interceptor")] })
    let response = try await echo.client.getWithMetadata(Echo_V1_EchoRequest(text: "hi"))
    #expect(response.metadata.firstString(forKey: "x-echo") == "from-interceptor")

    let slow = try InterceptedEcho(client: { _ in
      [Options(value: "x", timeout: .milliseconds(50))]
    })
    let error = await rpcError {
      try await slow.client.get(Echo_V1_EchoRequest(text: "hi", delayMs: 5_000))
    }
    #expect(error?.code == .deadlineExceeded)
  }

  @Test func interceptorsPrepareInOrderAndObserveInReverse() async throws {
    let echo = try InterceptedEcho(client: { log in
      ["a", "b"].map { RecordingClientInterceptor(name: $0, log: log) }
    })
    _ = try await echo.client.get(Echo_V1_EchoRequest(text: "hi"))
    #expect(
      echo.probe.recorded == [
        "a prepare Get after 0", "b prepare Get after 1", "get started", "b end OK", "a end OK",
      ])
  }

  @Test func aLocalRejectionSendsNothing() async throws {
    let echo = try InterceptedEcho(client: { log in
      [
        RecordingClientInterceptor(name: "a", log: log), RejectingClientInterceptor(log: log),
        RecordingClientInterceptor(name: "c", log: log),
      ]
    })
    let errors = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 1))
    for name in echoMethodNames {
      #expect(errors[name]??.code == .permissionDenied, "\(name)")
      #expect(errors[name]??.message == "rejected locally")
    }
    let expected = echoMethodNames.flatMap { name in
      ["a prepare \(name) after 0", "client reject \(name)", "a end PERMISSION_DENIED"]
    }
    #expect(echo.probe.recorded == expected)
  }

  @Test func outcomesOfAllFourKindsAreReportedOnce() async throws {
    let echo = try InterceptedEcho(client: { log in
      [RecordingClientInterceptor(name: "a", log: log)]
    })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 2))
    _ = await echo.callAllKinds(
      Echo_V1_EchoRequest(text: "hi", count: 2, failCode: 8, failMessage: "full"))
    #expect(
      Self.recorded(echo, prefix: "a end")
        == Array(repeating: "a end OK", count: 4)
        + Array(repeating: "a end RESOURCE_EXHAUSTED", count: 4))
  }

  @Test func aCancelledOrDroppedStreamIsReportedOnceAsCancelled() async throws {
    let echo = try InterceptedEcho(client: { log in
      [RecordingClientInterceptor(name: "a", log: log)]
    })
    // Dropped after one response.
    do {
      let responses = try await echo.client.expand(
        Echo_V1_EchoRequest(text: "tick", count: 1000, delayMs: 5))
      for try await _ in responses { break }
    }
    #expect(Self.recorded(echo, prefix: "a end") == ["a end CANCELLED"])

    // Cancelled explicitly, then read: still one report.
    let stream = try await echo.transport.stream(
      method: Echo_V1_EchoService.Method.update, options: CallOptions())
    try await stream.write(Echo_V1_EchoRequest(text: "x").serializedBytes())
    stream.cancel()
    stream.cancel()
    let error = await rpcError { try await stream.nextResponse() }
    #expect(error?.code == .cancelled)
    #expect(Self.recorded(echo, prefix: "a end") == ["a end CANCELLED", "a end CANCELLED"])
  }

  @Test func aWriteErrorIsTheOutcomeOfAnAbandonedStream() async throws {
    let echo = try InterceptedEcho(client: { log in
      [RecordingClientInterceptor(name: "a", log: log)]
    })
    let stream = try await echo.transport.stream(
      method: Echo_V1_EchoService.Method.update, options: CallOptions())
    try await stream.write(Echo_V1_EchoRequest(text: "x", failCode: 7).serializedBytes())
    var writeError: RPCError?
    for _ in 0..<400 where writeError == nil {
      writeError = await rpcError {
        try await stream.write(Echo_V1_EchoRequest().serializedBytes())
      }
      if writeError == nil { try await Task.sleep(for: .milliseconds(5)) }
    }
    #expect(writeError?.code == .permissionDenied)
    stream.cancel()
    #expect(Self.recorded(echo, prefix: "a end") == ["a end PERMISSION_DENIED"])
  }

  @Test func aFailedStartIsReported() async throws {
    let echo = try InterceptedEcho(client: { log in
      [RecordingClientInterceptor(name: "a", log: log)]
    })
    let missing = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Missing", kind: .bidirectionalStreaming,
      inputType: "x.In", outputType: "x.Out")
    let error = await rpcError {
      try await echo.transport.stream(method: missing, options: CallOptions())
    }
    #expect(error?.code == .unimplemented)
    #expect(Self.recorded(echo, prefix: "a end") == ["a end UNIMPLEMENTED"])
  }

  @Test func streamsAreUnwrappedWhenNobodyObserves() async throws {
    let echo = try InterceptedEcho(client: { _ in [Options(value: "x")] })
    let stream = try await echo.transport.stream(
      method: Echo_V1_EchoService.Method.update, options: CallOptions())
    #expect(String(describing: type(of: stream)) == "InProcessClientStream")
    stream.cancel()
  }

  @Test func scopesChooseTheMethods() async throws {
    let echo = try InterceptedEcho(client: { log in
      [
        RecordingClientInterceptor(name: "unary", log: log)
          .scoped(to: .methods([Echo_V1_EchoService.Method.get])),
        RecordingClientInterceptor(name: "streams", log: log)
          .scoped(to: InterceptorScope { $0.kind != .unary }),
      ]
    })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 1))
    #expect(
      Self.recorded(echo, prefix: "unary") == ["unary prepare Get after 0", "unary end OK"])
    #expect(
      Self.recorded(echo, prefix: "streams prepare")
        == ["streams prepare Expand after 0", "streams prepare Collect after 0",
            "streams prepare Update after 0"])
  }
}
