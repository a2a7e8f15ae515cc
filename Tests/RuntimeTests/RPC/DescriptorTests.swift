import SluiceRuntime
import Testing

@Suite struct DescriptorTests {
  @Test func methodDescriptorPathAndEquality() {
    let method = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "Ingest", kind: .unary,
      inputType: "sluice.v1.IngestRequest", outputType: "sluice.v1.IngestResponse",
      idempotencyLevel: .idempotent)
    #expect(method.path == "/sluice.v1.IngestService/Ingest")
    #expect(method.description == "sluice.v1.IngestService/Ingest")
    #expect(method.idempotencyLevel == .idempotent)
    let same = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "Ingest", kind: .unary,
      inputType: "sluice.v1.IngestRequest", outputType: "sluice.v1.IngestResponse",
      idempotencyLevel: .idempotent)
    #expect(method == same)
    #expect(method.hashValue == same.hashValue)
    let streaming = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "Ingest", kind: .clientStreaming,
      inputType: "sluice.v1.IngestRequest", outputType: "sluice.v1.IngestResponse")
    #expect(method != streaming)
  }

  @Test func kinds() {
    #expect(RPCKind(clientStreaming: false, serverStreaming: false) == .unary)
    #expect(RPCKind(clientStreaming: true, serverStreaming: false) == .clientStreaming)
    #expect(RPCKind(clientStreaming: false, serverStreaming: true) == .serverStreaming)
    #expect(RPCKind(clientStreaming: true, serverStreaming: true) == .bidirectionalStreaming)
    #expect(
      RPCKind.allCases.filter(\.isClientStreaming) == [.clientStreaming, .bidirectionalStreaming])
    #expect(
      RPCKind.allCases.filter(\.isServerStreaming) == [.serverStreaming, .bidirectionalStreaming])
    #expect(RPCKind.bidirectionalStreaming.description == "bidirectionalStreaming")
  }

  @Test func serviceDescriptorNames() {
    let service = ServiceDescriptor(fullName: "sluice.v1.IngestService", methods: [])
    #expect(service.name == "IngestService")
    #expect(service.package == "sluice.v1")
    let bare = ServiceDescriptor(fullName: "Bare", methods: [], fileDescriptorProtos: [[1]])
    #expect(bare.name == "Bare")
    #expect(bare.package == "")
    #expect(
      Echo_V1_EchoService.descriptor.methods.map(\.method) == [
        "Get", "Expand", "Collect", "Update",
      ])
    #expect(
      Echo_V1_EchoService.descriptor.fileDescriptorProtos == [
        Echo_V1_Echo_ProtoFile.descriptorBytes
      ])
    #expect(Echo_V1_EchoService.Method.expand.idempotencyLevel == .noSideEffects)
  }

  @Test func callOptionsDefaults() {
    let options = CallOptions()
    #expect(options.timeout == nil)
    #expect(options.metadata.isEmpty)
    #expect(!options.compression)
    #expect(!options.waitForReady)
  }

  @Test func serverContextHoldsResponseMetadata() throws {
    let deadline = ContinuousClock.now.advanced(by: .seconds(3600))
    let context = ServerContext(
      method: Echo_V1_EchoService.Method.get, requestMetadata: ["a": "1"], deadline: deadline,
      peer: "test")
    #expect(context.method == Echo_V1_EchoService.Method.get)
    #expect(context.requestMetadata.firstString(forKey: "a") == "1")
    try context.responseMetadata.addString("h", forKey: "x-header")
    try context.trailers.addString("t", forKey: "x-trailer")
    #expect(context.responseMetadata == ["x-header": "h"])
    #expect(context.trailers == ["x-trailer": "t"])
    let remaining = try #require(context.timeRemaining)
    #expect(remaining > .seconds(1800) && remaining <= .seconds(3600))
    let noDeadline = ServerContext(
      method: Echo_V1_EchoService.Method.get, requestMetadata: [:], deadline: nil, peer: "test")
    #expect(noDeadline.timeRemaining == nil)
  }
}
