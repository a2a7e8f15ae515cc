import SluiceRuntime

/// Records `<name> in <Method>` before the call and `<name> out <STATUS>` after it.
struct RecordingServerInterceptor: ServerInterceptor {
  let name: String
  let log: EchoProbe

  func intercept(context: ServerContext, next: () async throws(RPCError) -> Void) async throws {
    log.record("\(name) in \(context.method.method)")
    let outcome = await RPCOutcome.observing(context, next)
    log.record("\(name) out \(outcome.code.name)")
  }
}

/// Fails every call with `code` before the handler runs, after setting a trailer.
struct RejectingServerInterceptor: ServerInterceptor {
  let code: StatusCode
  let log: EchoProbe

  func intercept(context: ServerContext, next: () async throws(RPCError) -> Void) async throws {
    log.record("reject \(context.method.method)")
    try context.trailers.addString("rejected", forKey: "x-interceptor")
    throw RPCError(code: code, message: "rejected by interceptor")
  }
}

/// Records `<name> prepare <Method>` before the call and `<name> end <STATUS>` after it;
/// adds `x-seen: <name>` to the request metadata.
struct RecordingClientInterceptor: ClientInterceptor {
  let name: String
  let log: EchoProbe

  func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?
  {
    let seen = options.metadata.values(forKey: "x-seen").count
    log.record("\(name) prepare \(method.method) after \(seen)")
    try options.metadata.addString(name, forKey: "x-seen")
    let log = self.log
    let name = self.name
    return { outcome in log.record("\(name) end \(outcome.code.name)") }
  }
}

/// Fails every call locally with `.permissionDenied`.
struct RejectingClientInterceptor: ClientInterceptor {
  let log: EchoProbe

  func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?
  {
    log.record("client reject \(method.method)")
    throw RPCError(code: .permissionDenied, message: "rejected locally")
  }
}

/// The echo service behind a router with server interceptors, reached in process
/// (optionally through client interceptors).
struct InterceptedEcho {
  let probe = EchoProbe()
  let router: RPCRouter
  let transport: any ClientTransport
  let client: Echo_V1_EchoService.Client

  init(
    server: (EchoProbe) -> [any ServerInterceptor] = { _ in [] },
    client clientInterceptors: (EchoProbe) -> [any ClientInterceptor] = { _ in [] },
    extraHandlers: [RPCHandler] = [], peer: String = "in-process"
  ) throws {
    var router = try RPCRouter(
      services: [EchoServiceImpl(probe: probe)], interceptors: server(probe))
    for handler in extraHandlers { try router.register(handler) }
    self.router = router
    let base = InProcessTransport(router: router, peer: peer)
    let interceptors = clientInterceptors(probe)
    transport =
      interceptors.isEmpty
      ? base : InterceptedClientTransport(wrapping: base, interceptors: interceptors)
    client = Echo_V1_EchoService.Client(transport: transport)
  }

  /// Calls each of the four methods once with `request`, ignoring the results; returns
  /// the errors the calls threw, by method name.
  func callAllKinds(_ request: Echo_V1_EchoRequest) async -> [String: RPCError?] {
    var errors: [String: RPCError?] = [:]
    errors["Get"] = await rpcError { try await client.get(request) }
    errors["Expand"] = await rpcError {
      var count = 0
      for try await _ in try await client.expand(request) { count += 1 }
      return count
    }
    errors["Collect"] = await rpcError {
      try await client.collect { writer in
        try await writer.write(request)
        try await writer.write(request)
      }
    }
    errors["Update"] = await rpcError {
      try await client.update(
        requests: { writer in try await writer.write(request) },
        responses: { responses in
          var count = 0
          for try await _ in responses { count += 1 }
          return count
        })
    }
    return errors
  }
}

/// The methods of the echo service and their names, in schema order.
let echoMethodNames = ["Get", "Expand", "Collect", "Update"]
