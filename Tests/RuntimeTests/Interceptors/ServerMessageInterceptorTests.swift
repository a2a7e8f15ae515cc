import SluiceRuntime
import Testing

/// Message hooks of server interceptors: which messages they see, in what order, and
/// what rewriting or rejecting a message does.
@Suite struct ServerMessageInterceptorTests {
  /// Records `<name> request <text>` and `<name> response <text>` for each message.
  struct Tap: ServerMessageInterceptor {
    let name: String
    let log: EchoProbe

    func interceptRequest(_ message: [UInt8], context: ServerContext) async throws(RPCError)
      -> [UInt8]
    {
      let request = try MessageCodec.protobuf.decode(
        message, as: Echo_V1_EchoRequest.self, errorCode: .internal)
      log.record("\(name) request \(request.text)")
      return message
    }

    func interceptResponse(_ message: [UInt8], context: ServerContext) async throws(RPCError)
      -> [UInt8]
    {
      let response = try MessageCodec.protobuf.decode(
        message, as: Echo_V1_EchoResponse.self, errorCode: .internal)
      log.record("\(name) response \(response.text)")
      return message
    }
  }

  /// Appends `!` to every request's text; rejects requests whose text is `bad`.
  struct Rewrite: ServerMessageInterceptor {
    func interceptRequest(_ message: [UInt8], context: ServerContext) async throws(RPCError)
      -> [UInt8]
    {
      var request = try MessageCodec.protobuf.decode(
        message, as: Echo_V1_EchoRequest.self, errorCode: .internal)
      guard request.text != "bad" else {
        throw RPCError(code: .invalidArgument, message: "bad request")
      }
      request.text += "!"
      return request.serializedBytes()
    }
  }

  @Test func hooksSeeEveryMessageOfEachKind() async throws {
    let echo = try InterceptedEcho(server: { log in
      [Tap(name: "tap", log: log).scoped(to: .all)]
    })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "x", count: 2))
    let seen = echo.probe.recorded.filter { $0.hasPrefix("tap") }
    #expect(
      seen == [
        "tap request x", "tap response x",
        "tap request x", "tap response x 0", "tap response x 1",
        "tap request x", "tap request x", "tap response x x",
        "tap request x", "tap response X",
      ])
  }

  @Test func requestsGoOutsideInAndResponsesInsideOut() async throws {
    let echo = try InterceptedEcho(server: { log in
      [Tap(name: "outer", log: log), RecordingServerInterceptor(name: "plain", log: log),
       Tap(name: "inner", log: log)]
    })
    _ = try await echo.client.get(Echo_V1_EchoRequest(text: "x"))
    #expect(
      echo.probe.recorded == [
        "outer request x", "plain in Get", "inner request x", "get started",
        "inner response x", "plain out OK", "outer response x",
      ])
  }

  @Test func hooksRewriteAndRejectMessages() async throws {
    let echo = try InterceptedEcho(server: { _ in [Rewrite()] })
    #expect(try await echo.client.get(Echo_V1_EchoRequest(text: "hi")).text == "hi!")
    let collected = try await echo.client.collect { writer in
      try await writer.write(Echo_V1_EchoRequest(text: "a"))
      try await writer.write(Echo_V1_EchoRequest(text: "b"))
    }
    #expect(collected.text == "a! b!")
    let errors = await echo.callAllKinds(Echo_V1_EchoRequest(text: "bad", count: 1))
    for name in echoMethodNames {
      #expect(errors[name]??.code == .invalidArgument, "\(name)")
      #expect(errors[name]??.message == "bad request")
    }
  }

  @Test func aRejectedCallReachesNoHook() async throws {
    let echo = try InterceptedEcho(server: { log in
      [RejectingServerInterceptor(code: .unauthenticated, log: log), Tap(name: "tap", log: log)]
    })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "x", count: 1))
    #expect(!echo.probe.recorded.contains { $0.hasPrefix("tap") })
  }
}
