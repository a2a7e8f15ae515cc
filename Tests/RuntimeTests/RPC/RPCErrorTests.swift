import SluiceRuntime
import Testing

@Suite struct RPCErrorTests {
  private struct QueueFull: RPCErrorConvertible {
    var rpcError: RPCError { RPCError(code: .resourceExhausted, message: "queue full") }
  }

  private struct Secret: Error {
    var password = "hunter2"
  }

  @Test func anErrorIsNeverOK() {
    #expect(RPCError(code: .ok).code == .unknown)
    #expect(RPCError(code: .notFound).code == .notFound)
  }

  @Test func handlerErrorsMapToRPCErrors() {
    let original = RPCError(code: .aborted, message: "conflict", metadata: ["k": "v"])
    #expect(RPCError(original) == original)
    #expect(RPCError(QueueFull()) == RPCError(code: .resourceExhausted, message: "queue full"))
    #expect(RPCError(CancellationError()).code == .cancelled)
    let unknown = RPCError(Secret())
    #expect(unknown.code == .unknown)
    #expect(unknown.message.contains("Secret"))
    #expect(!unknown.message.contains("hunter2"))
  }

  @Test func detailsAndDescription() {
    let detail = RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [8, 1])
    #expect(detail.typeURL == "type.googleapis.com/google.rpc.RetryInfo")
    let error = RPCError(code: .unavailable, message: "try later", details: [detail])
    #expect(error.description == "UNAVAILABLE: try later")
    #expect(RPCError(code: .internal).description == "INTERNAL")
    #expect(error != RPCError(code: .unavailable, message: "try later"))
  }

  @Test func detailsFromMessages() throws {
    let detail = RPCError.Detail(Echo_V1_EchoResponse(text: "why", index: 2))
    #expect(detail.typeName == "echo.v1.EchoResponse")
    #expect(try detail.unpack(Echo_V1_EchoResponse.self) == Echo_V1_EchoResponse(text: "why", index: 2))
    #expect(try detail.unpack(Echo_V1_EchoRequest.self) == nil)
    let broken = RPCError.Detail(typeName: "echo.v1.EchoResponse", value: [0x0a, 0x09])
    #expect(throws: ProtoDecodingError.self) { try broken.unpack(Echo_V1_EchoResponse.self) }
  }
}
