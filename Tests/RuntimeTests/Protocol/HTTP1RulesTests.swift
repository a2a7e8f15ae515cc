import SluiceRuntime
import Testing

/// What HTTP/1.1 refuses (gRPC, Connect bidirectional streaming) and the Connect unary
/// body limit decided from `content-length`.
@Suite struct HTTP1RulesTests {
  typealias F = ProtocolFixtures

  @Test func grpcNeedsHTTP2() throws {
    let request = try #require(F.classify(F.grpcHeaders()).accepted)
    let rejection = try #require(RejectedRequest.overHTTP1(request))
    #expect(rejection.httpStatus == 505 && rejection.form == .plain)
    #expect(rejection.error.code == .unimplemented)
    var block = HeaderBlock()
    rejection.writeHeaders(into: &block)
    #expect(block.lines.contains("grpc-status: 12"))
  }

  @Test func connectBidirectionalStreamingNeedsHTTP2() throws {
    let request = try #require(
      F.classify(
        F.connectHeaders(path: "/test.v1.Svc/Bidi", contentType: "application/connect+json")
      ).accepted)
    let rejection = try #require(RejectedRequest.overHTTP1(request))
    #expect(rejection.httpStatus == 505 && rejection.form == .connectUnary)
    var body: [UInt8] = []
    rejection.writeBody(into: &body)
    let error = try #require(ConnectErrorJSON.decode(body))
    #expect(error.code == .unimplemented)
    #expect(error.message.contains("bidi streams require at least HTTP/2"))
  }

  @Test(arguments: [
    ("/test.v1.Svc/Unary", "application/json"), ("/test.v1.Svc/Unary", "application/proto"),
    ("/test.v1.Svc/ClientStream", "application/connect+json"),
    ("/test.v1.Svc/ServerStream", "application/connect+proto"),
  ])
  func otherConnectCallsWorkOverHTTP1(path: String, contentType: String) throws {
    let request = try #require(
      F.classify(F.connectHeaders(path: path, contentType: contentType)).accepted)
    #expect(RejectedRequest.overHTTP1(request) == nil)
  }

  @Test func anAnnouncedBodyOverTheLimitFailsAtOnce() {
    var machine = ConnectUnaryStateMachine(maxMessageSize: 100)
    #expect(machine.receiveContentLength(100) == .none)
    guard
      case .sendError(let error, let resetStreamAfter, let cancelHandler) =
        machine.receiveContentLength(101)
    else {
      Issue.record("expected an error")
      return
    }
    #expect(error.code == .resourceExhausted)
    #expect(resetStreamAfter && !cancelHandler)
    #expect(machine.isClosed)
    let bytes: [UInt8] = [1, 2, 3]
    #expect(bytes.withUnsafeBytes { machine.receiveData($0) } == .none)
  }

  @Test func anAnnouncedLengthAfterTheBodyChangesNothing() {
    var machine = ConnectUnaryStateMachine(maxMessageSize: 4)
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: []))
    #expect(machine.receiveContentLength(1000) == .none)
  }
}
