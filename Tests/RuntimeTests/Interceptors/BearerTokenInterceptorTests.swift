import SluiceRuntime
import Testing

/// The bearer-token pair: the client attaches the token, the server checks it and binds
/// the principal for the handler.
@Suite struct BearerTokenInterceptorTests {
  enum Auth {
    @TaskLocal static var user: String?
  }

  static let whoAmI = MethodDescriptor(
    service: "test.Auth", method: "WhoAmI", kind: .unary,
    inputType: Echo_V1_EchoRequest.protoMessageName,
    outputType: Echo_V1_EchoResponse.protoMessageName)

  /// Answers with the bound user's name.
  static let whoAmIHandler = RPCHandler.unary(whoAmI) { (_: Echo_V1_EchoRequest, _) in
    Echo_V1_EchoResponse(text: Auth.user ?? "nobody")
  }

  static func serverInterceptor() -> BearerTokenServerInterceptor<String> {
    BearerTokenServerInterceptor(binding: Auth.$user) { token, _ in
      switch token {
      case "alice-token": "alice"
      case "down": throw RPCError(code: .unavailable, message: "token store down")
      default: nil
      }
    }
  }

  private func whoAmI(
    client: [any ClientInterceptor] = [], metadata: Metadata = Metadata(),
    server: [any ServerInterceptor] = [serverInterceptor()]
  ) async throws(RPCError) -> String {
    var router = RPCRouter(interceptors: server)
    try? router.register(Self.whoAmIHandler)
    let transport = InterceptedClientTransport(
      wrapping: InProcessTransport(router: router), interceptors: client)
    return try await transport.performUnary(
      Echo_V1_EchoRequest(), method: Self.whoAmI, options: CallOptions(metadata: metadata),
      responseType: Echo_V1_EchoResponse.self
    ).message.text
  }

  @Test func aValidTokenAdmitsTheCallAndBindsThePrincipal() async throws {
    let alice = BearerTokenClientInterceptor(token: "alice-token")
    #expect(try await whoAmI(client: [alice]) == "alice")
    #expect(try await whoAmI(metadata: ["authorization": "bearer   alice-token"]) == "alice")
    let unbound = BearerTokenServerInterceptor<Bool> { token, _ in
      token == "alice-token" ? true : nil
    }
    #expect(
      try await whoAmI(
        client: [BearerTokenClientInterceptor { "alice-token" }], server: [unbound]) == "nobody")
  }

  @Test(arguments: [
    (Metadata(), "missing bearer token"),
    (["authorization": "Basic YWxpY2U6cHc="], "the authorization header is not \"Bearer <token>\""),
    (["authorization": "Bearer"], "the authorization header is not \"Bearer <token>\""),
    (["authorization": "Bearer a b"], "the authorization header is not \"Bearer <token>\""),
    (["authorization": "Bearer mallory-token"], "invalid bearer token"),
  ] as [(Metadata, String)])
  func otherCallsFailUnauthenticated(metadata: Metadata, message: String) async throws {
    let error = await rpcError { try await whoAmI(metadata: metadata) }
    #expect(error?.code == .unauthenticated)
    #expect(error?.message == message)
  }

  @Test func validatorErrorsFailTheCall() async throws {
    let error = await rpcError {
      try await whoAmI(client: [BearerTokenClientInterceptor(token: "down")])
    }
    #expect(error == RPCError(code: .unavailable, message: "token store down"))
  }

  @Test func theClientKeepsAnExplicitAuthorization() async throws {
    let name = try await whoAmI(
      client: [BearerTokenClientInterceptor(token: "mallory-token")],
      metadata: ["authorization": "Bearer alice-token"])
    #expect(name == "alice")
  }

  @Test func tokenProblemsFailTheCallLocally() async throws {
    struct Broken: Error {}
    let thrown = await rpcError {
      try await whoAmI(client: [BearerTokenClientInterceptor { throw Broken() }])
    }
    #expect(thrown?.code == .unauthenticated)
    #expect(thrown?.message == "the bearer token provider threw Broken")
    let invalid = await rpcError {
      try await whoAmI(client: [BearerTokenClientInterceptor(token: "line\nbreak")])
    }
    #expect(invalid?.code == .unauthenticated)
    #expect(invalid?.message == "the bearer token is not a valid metadata value")
  }

  @Test func aScopedAuthInterceptorLeavesOtherMethodsOpen() async throws {
    let echo = try InterceptedEcho(server: { _ in
      [Self.serverInterceptor().scoped(to: .excluding(methods: [Echo_V1_EchoService.Method.get]))]
    })
    #expect(try await echo.client.get(Echo_V1_EchoRequest(text: "open")).text == "open")
    let errors = await echo.callAllKinds(Echo_V1_EchoRequest(text: "x", count: 1))
    #expect(errors["Get"]! == nil)
    for name in ["Expand", "Collect", "Update"] {
      #expect(errors[name]??.code == .unauthenticated, "\(name)")
    }
  }
}
