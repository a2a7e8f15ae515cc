import SluiceRuntime
import Testing

/// What a call ends with when a server interceptor bends the rules: skips `next`, calls
/// it twice, swallows or replaces the handler's error, throws other errors.
@Suite struct ServerInterceptorContractTests {
  /// An interceptor running `body` as its `intercept`.
  struct Custom: ServerInterceptor {
    let body:
      @Sendable (ServerContext, () async throws(RPCError) -> Void) async throws -> Void

    func intercept(context: ServerContext, next: () async throws(RPCError) -> Void) async throws
    {
      try await body(context, next)
    }
  }

  struct Unrelated: Error {}

  private func errors(
    _ body: @escaping @Sendable (ServerContext, () async throws(RPCError) -> Void) async throws
      -> Void,
    request: Echo_V1_EchoRequest = Echo_V1_EchoRequest(text: "hi", count: 1)
  ) async throws -> [String: RPCError?] {
    let echo = try InterceptedEcho(server: { _ in [Custom(body: body)] })
    return await echo.callAllKinds(request)
  }

  @Test func returningWithoutCallingNextFailsWithInternal() async throws {
    let errors = try await errors { _, _ in }
    for name in echoMethodNames {
      #expect(errors[name]??.code == .internal, "\(name)")
      #expect(errors[name]??.message.contains("returned without calling next") == true)
    }
  }

  @Test func callingNextTwiceFailsWithInternal() async throws {
    let errors = try await errors { _, next in
      try? await next()
      try await next()
    }
    #expect(errors["Get"]??.code == .internal)
    #expect(errors["Get"]??.message.contains("called next twice") == true)
  }

  @Test func aSwallowedFailureStillFailsTheCall() async throws {
    let errors = try await errors(
      { _, next in try? await next() },
      request: Echo_V1_EchoRequest(text: "hi", count: 1, failCode: 5, failMessage: "gone"))
    for name in echoMethodNames {
      #expect(errors[name]??.code == .notFound, "\(name)")
      #expect(errors[name]??.message == "gone")
    }
  }

  @Test func anInterceptorCanReplaceTheError() async throws {
    let errors = try await errors(
      { _, next in
        do throws(RPCError) {
          try await next()
        } catch {
          throw RPCError(code: .unavailable, message: "mapped \(error.code.name)")
        }
      },
      request: Echo_V1_EchoRequest(text: "hi", count: 1, failCode: 5))
    for name in echoMethodNames {
      #expect(errors[name]??.code == .unavailable, "\(name)")
      #expect(errors[name]??.message == "mapped NOT_FOUND")
    }
  }

  @Test func otherErrorsAreConverted() async throws {
    let unrelated = try await errors { _, _ in throw Unrelated() }
    #expect(unrelated["Get"]??.code == .unknown)
    #expect(unrelated["Get"]??.message == "interceptor Custom threw Unrelated")
    let cancellation = try await errors { _, _ in throw CancellationError() }
    #expect(cancellation["Expand"]??.code == .cancelled)
  }
}
