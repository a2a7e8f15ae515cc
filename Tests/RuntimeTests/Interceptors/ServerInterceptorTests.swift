import SluiceRuntime
import Testing

/// Server interceptors on a router, called in process: order, rejection, outcomes of the
/// four kinds of RPC, metadata, task-locals and the interceptor contract.
@Suite struct ServerInterceptorTests {
  @Test func interceptorsRunInOrderAroundTheHandler() async throws {
    let echo = try InterceptedEcho(server: { log in
      ["a", "b", "c"].map { RecordingServerInterceptor(name: $0, log: log) }
    })
    _ = try await echo.client.get(Echo_V1_EchoRequest(text: "hi"))
    #expect(
      echo.probe.recorded == [
        "a in Get", "b in Get", "c in Get", "get started", "c out OK", "b out OK", "a out OK",
      ])
  }

  @Test func aRejectionSkipsLaterInterceptorsAndTheHandler() async throws {
    let echo = try InterceptedEcho(server: { log in
      [
        RecordingServerInterceptor(name: "a", log: log),
        RejectingServerInterceptor(code: .permissionDenied, log: log),
        RecordingServerInterceptor(name: "c", log: log),
      ]
    })
    let errors = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 2))
    for name in echoMethodNames {
      let error = try #require(errors[name] ?? nil, "\(name)")
      #expect(error.code == .permissionDenied)
      #expect(error.message == "rejected by interceptor")
      #expect(error.metadata.firstString(forKey: "x-interceptor") == "rejected")
    }
    let expected = echoMethodNames.flatMap { name in
      ["a in \(name)", "reject \(name)", "a out PERMISSION_DENIED"]
    }
    #expect(echo.probe.recorded == expected)
  }

  @Test func outcomesOfAllFourKinds() async throws {
    let echo = try InterceptedEcho(server: { log in
      [RecordingServerInterceptor(name: "log", log: log)]
    })
    let successes = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 2))
    #expect(successes.values.allSatisfy { $0 == nil }, "\(successes)")
    let failures = await echo.callAllKinds(
      Echo_V1_EchoRequest(text: "hi", count: 2, failCode: 9, failMessage: "no"))
    for name in echoMethodNames {
      #expect(failures[name]??.code == .failedPrecondition, "\(name)")
      #expect(failures[name]??.message == "no", "\(name)")
    }
    let outcomes = echo.probe.recorded.filter { $0.hasPrefix("log out") }
    #expect(outcomes == Array(repeating: "log out OK", count: 4)
      + Array(repeating: "log out FAILED_PRECONDITION", count: 4))
  }

  @Test func cancellationByTheClientIsObserved() async throws {
    let echo = try InterceptedEcho(server: { log in
      [RecordingServerInterceptor(name: "log", log: log)]
    })
    do {
      let stream = try await echo.client.expand(
        Echo_V1_EchoRequest(text: "tick", count: 1000, delayMs: 10))
      for try await _ in stream { break }
    }
    #expect(await echo.probe.waitFor("log out CANCELLED"))
    #expect(echo.probe.recorded.contains("expand cancelled"))

    let result = await rpcError {
      try await echo.client.update(
        requests: { writer in
          try await writer.write(Echo_V1_EchoRequest(text: "one"))
          try await Task.sleep(for: .seconds(60))
        },
        responses: { responses in
          for try await _ in responses { break }
        })
    }
    #expect(result == nil)
    #expect(await echo.probe.waitFor("update cancelled"))
    #expect(echo.probe.recorded.filter { $0 == "log out CANCELLED" }.count == 2)
  }

  @Test(arguments: [true, false])
  func aPassedDeadlineIsObserved(streaming: Bool) async throws {
    let echo = try InterceptedEcho(server: { log in
      [RecordingServerInterceptor(name: "log", log: log)]
    })
    let options = CallOptions(timeout: .milliseconds(50))
    let request = Echo_V1_EchoRequest(text: "slow", count: 1, delayMs: 5_000)
    let error = await rpcError {
      if streaming {
        for try await _ in try await echo.client.expand(request, options: options) {}
      } else {
        _ = try await echo.client.get(request, options: options)
      }
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(await echo.probe.waitFor("log out DEADLINE_EXCEEDED"))
  }

  @Test func interceptorsSetResponseMetadataAndTrailers() async throws {
    struct Stamping: ServerInterceptor {
      func intercept(context: ServerContext, next: () async throws(RPCError) -> Void)
        async throws
      {
        try context.responseMetadata.addString("header", forKey: "x-stamp")
        try await next()
        try context.trailers.addString("trailer", forKey: "x-stamp")
      }
    }
    let echo = try InterceptedEcho(server: { _ in [Stamping()] })
    let response = try await echo.client.getWithMetadata(Echo_V1_EchoRequest(text: "hi"))
    #expect(response.metadata.firstString(forKey: "x-stamp") == "header")
    #expect(response.trailers.values(forKey: "x-stamp") == ["trailer"])
    #expect(response.trailers.firstString(forKey: "x-handled") == "get")
  }

  enum Principal {
    @TaskLocal static var name: String?
  }

  @Test func taskLocalsBoundByAnInterceptorReachTheHandler() async throws {
    struct Binding: ServerInterceptor {
      func intercept(context: ServerContext, next: () async throws(RPCError) -> Void)
        async throws
      {
        let name = context.requestMetadata.firstString(forKey: "x-user") ?? "anonymous"
        try await Principal.$name.withValue(name) { try await next() }
      }
    }
    let unary = MethodDescriptor(
      service: "test.Who", method: "AmI", kind: .unary,
      inputType: Echo_V1_EchoRequest.protoMessageName,
      outputType: Echo_V1_EchoResponse.protoMessageName)
    let streaming = MethodDescriptor(
      service: "test.Who", method: "AreWe", kind: .serverStreaming,
      inputType: Echo_V1_EchoRequest.protoMessageName,
      outputType: Echo_V1_EchoResponse.protoMessageName)
    let handlers = [
      RPCHandler.unary(unary) { (_: Echo_V1_EchoRequest, _) in
        Echo_V1_EchoResponse(text: Principal.name ?? "nobody")
      },
      RPCHandler.serverStreaming(streaming) {
        (_: Echo_V1_EchoRequest, writer: RPCResponseWriter<Echo_V1_EchoResponse>, _) in
        try await writer.write(Echo_V1_EchoResponse(text: Principal.name ?? "nobody"))
      },
    ]
    let echo = try InterceptedEcho(server: { _ in [Binding()] }, extraHandlers: handlers)
    let options = CallOptions(metadata: ["x-user": "alice"])
    let response = try await echo.transport.performUnary(
      Echo_V1_EchoRequest(), method: unary, options: options,
      responseType: Echo_V1_EchoResponse.self)
    #expect(response.message.text == "alice")
    var texts: [String] = []
    for try await message in try await echo.transport.performServerStreaming(
      Echo_V1_EchoRequest(), method: streaming, options: options,
      responseType: Echo_V1_EchoResponse.self)
    {
      texts.append(message.text)
    }
    #expect(texts == ["alice"])
    #expect(Principal.name == nil)
  }

  @Test func scopesAndPredicatesChooseTheMethods() async throws {
    struct OnlyStreaming: ServerInterceptor {
      let log: EchoProbe
      func intercept(context: ServerContext, next: () async throws(RPCError) -> Void)
        async throws
      {
        log.record("streaming \(context.method.method)")
        try await next()
      }
      func applies(to method: MethodDescriptor) -> Bool { method.kind.isServerStreaming }
    }
    let echo = try InterceptedEcho(server: { log in
      [
        RecordingServerInterceptor(name: "get", log: log)
          .scoped(to: .methods([Echo_V1_EchoService.Method.get])),
        RecordingServerInterceptor(name: "none", log: log)
          .scoped(to: .excluding(services: ["echo.v1.EchoService"])),
        RecordingServerInterceptor(name: "echo", log: log)
          .scoped(to: .services(["echo.v1.EchoService"])),
        OnlyStreaming(log: log),
        RecordingServerInterceptor(name: "notCollect", log: log)
          .scoped(to: .excluding(methods: [Echo_V1_EchoService.Method.collect])),
      ]
    })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "hi", count: 1))
    let ins = echo.probe.recorded.filter { $0.contains(" in ") || $0.hasPrefix("streaming") }
    #expect(
      ins == [
        "get in Get", "echo in Get", "notCollect in Get",
        "echo in Expand", "streaming Expand", "notCollect in Expand",
        "echo in Collect",
        "echo in Update", "streaming Update", "notCollect in Update",
      ])
  }

  @Test func withoutApplicableInterceptorsTheRouterHandsOutTheRegisteredHandler() throws {
    let method = MethodDescriptor(
      service: "test.Plain", method: "Echo", kind: .unary, inputType: "x.In", outputType: "x.Out")
    let handler = RPCHandler(method: method, body: .unary { bytes, _, _ in bytes })
    var plain = RPCRouter()
    try plain.register(handler)
    #expect(plain.handler(forPath: method.path) === handler)

    var empty = RPCRouter(interceptors: [])
    try empty.register(handler)
    #expect(empty.handler(forPath: method.path) === handler)

    let log = EchoProbe()
    var elsewhere = RPCRouter(interceptors: [
      RecordingServerInterceptor(name: "a", log: log).scoped(to: .services(["other.Service"]))
    ])
    try elsewhere.register(handler)
    #expect(elsewhere.handler(forPath: method.path) === handler)
    #expect(handler.intercepted(by: []) === handler)

    var intercepted = RPCRouter(interceptors: [RecordingServerInterceptor(name: "a", log: log)])
    try intercepted.register(handler)
    let wrapped = try #require(intercepted.handler(forPath: method.path))
    #expect(wrapped !== handler)
    #expect(wrapped.method == method)
    #expect(wrapped.kind == .unary)
    #expect(intercepted.handlers.first === wrapped)
  }

  @Test func handlersRegisteredAfterCreationAreInterceptedToo() async throws {
    let log = EchoProbe()
    var router = RPCRouter(interceptors: [RecordingServerInterceptor(name: "a", log: log)])
    try router.register(EchoServiceImpl(probe: log))
    let client = Echo_V1_EchoService.Client(transport: InProcessTransport(router: router))
    _ = try await client.get(Echo_V1_EchoRequest(text: "hi"))
    #expect(log.recorded == ["a in Get", "get started", "a out OK"])
    #expect(router.interceptors.count == 1)
  }
}
