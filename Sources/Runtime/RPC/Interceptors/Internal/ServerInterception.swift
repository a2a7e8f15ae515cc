/// Wraps handler bodies in server interceptors, one layer per interceptor.
enum ServerInterception {
  /// `body` run inside `interceptor`: its `next` runs `body`, with the messages passed
  /// through its hooks when it is a ``ServerMessageInterceptor``.
  static func wrap(_ body: RPCHandler.Body, in interceptor: any ServerInterceptor)
    -> RPCHandler.Body
  {
    guard let hooks = interceptor as? any ServerMessageInterceptor else {
      return wrapCall(body, in: interceptor)
    }
    return wrapCall(wrapMessages(body, in: hooks), in: interceptor)
  }

  /// `body` with `intercept(context:next:)` around it.
  private static func wrapCall(_ body: RPCHandler.Body, in interceptor: any ServerInterceptor)
    -> RPCHandler.Body
  {
    switch body {
    case .unary(let inner):
      return .unary { request, context, codec throws(RPCError) in
        try await run(interceptor, context) { () async throws(RPCError) -> [UInt8] in
          try await inner(request, context, codec)
        }
      }
    case .clientStreaming(let inner):
      return .clientStreaming { requests, context, codec throws(RPCError) in
        try await run(interceptor, context) { () async throws(RPCError) -> [UInt8] in
          try await inner(requests, context, codec)
        }
      }
    case .serverStreaming(let inner):
      return .serverStreaming { request, responses, context, codec throws(RPCError) in
        try await run(interceptor, context) { () async throws(RPCError) in
          try await inner(request, responses, context, codec)
        }
      }
    case .bidirectionalStreaming(let inner):
      return .bidirectionalStreaming { requests, responses, context, codec throws(RPCError) in
        try await run(interceptor, context) { () async throws(RPCError) in
          try await inner(requests, responses, context, codec)
        }
      }
    }
  }

  /// `body` with its request and response messages passed through `hooks`.
  private static func wrapMessages(
    _ body: RPCHandler.Body, in hooks: any ServerMessageInterceptor
  ) -> RPCHandler.Body {
    switch body {
    case .unary(let inner):
      return .unary { request, context, codec throws(RPCError) in
        let request = try await hooks.interceptRequest(request, context: context)
        let response = try await inner(request, context, codec)
        return try await hooks.interceptResponse(response, context: context)
      }
    case .clientStreaming(let inner):
      return .clientStreaming { requests, context, codec throws(RPCError) in
        let requests = InterceptedMessageSource(base: requests, hooks: hooks, context: context)
        let response = try await inner(requests, context, codec)
        return try await hooks.interceptResponse(response, context: context)
      }
    case .serverStreaming(let inner):
      return .serverStreaming { request, responses, context, codec throws(RPCError) in
        let request = try await hooks.interceptRequest(request, context: context)
        let responses = InterceptedMessageSink(base: responses, hooks: hooks, context: context)
        try await inner(request, responses, context, codec)
      }
    case .bidirectionalStreaming(let inner):
      return .bidirectionalStreaming { requests, responses, context, codec throws(RPCError) in
        let requests = InterceptedMessageSource(base: requests, hooks: hooks, context: context)
        let responses = InterceptedMessageSink(base: responses, hooks: hooks, context: context)
        try await inner(requests, responses, context, codec)
      }
    }
  }

  /// Runs `interceptor` around `inner` and enforces its contract: `next` runs at most
  /// once, a failure of `inner` stays a failure, and returning without calling `next`
  /// is an error.
  private static func run<Output>(
    _ interceptor: any ServerInterceptor, _ context: ServerContext,
    _ inner: () async throws(RPCError) -> Output
  ) async throws(RPCError) -> Output {
    var output: Output?
    var failure: RPCError?
    var calledNext = false
    do {
      try await interceptor.intercept(context: context) { () async throws(RPCError) in
        guard !calledNext else {
          throw RPCError(
            code: .internal, message: "interceptor \(type(of: interceptor)) called next twice")
        }
        calledNext = true
        do throws(RPCError) {
          output = try await inner()
        } catch {
          failure = error
          throw error
        }
      }
    } catch {
      throw rpcError(error, from: interceptor)
    }
    if let failure { throw failure }
    guard let output else {
      throw RPCError(
        code: .internal,
        message: "interceptor \(type(of: interceptor)) returned without calling next")
    }
    return output
  }

  /// The error a call fails with when an interceptor throws `error`: like a handler's
  /// error, except that an unknown error type names the interceptor.
  private static func rpcError(_ error: any Error, from interceptor: any ServerInterceptor)
    -> RPCError
  {
    switch error {
    case is RPCError, is any RPCErrorConvertible, is CancellationError:
      RPCError(error)
    default:
      RPCError(
        code: .unknown, message: "interceptor \(type(of: interceptor)) threw \(type(of: error))")
    }
  }
}
