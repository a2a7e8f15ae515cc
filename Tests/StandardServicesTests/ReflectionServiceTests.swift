import SluiceGenerated
import SluiceRuntime
import SluiceStandardServices
import Testing

/// Both reflection services through the in-process transport: one response per
/// request, in order, errors inside the stream.
@Suite(.timeLimit(.minutes(1))) struct ReflectionServiceTests {
  typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
  typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

  let transport: InProcessTransport

  init() throws {
    let services: [any RPCService] = [HealthService()]
    let all = try services + ServerReflection.services(describing: services)
    transport = InProcessTransport(router: try RPCRouter(services: all))
  }

  static func request(_ question: Request.OneOf_MessageRequest?, host: String = "")
    -> Request
  {
    var request = Request()
    request.host = host
    request.messageRequest = question
    return request
  }

  /// Sends `requests` on one v1 stream and returns every response.
  func ask(_ requests: [Request]) async throws -> [Response] {
    try await Grpc_Reflection_V1_ServerReflection.Client(transport: transport)
      .serverReflectionInfo { writer in
        for request in requests { try await writer.write(request) }
      } responses: { responses in
        var all: [Response] = []
        for try await response in responses { all.append(response) }
        return all
      }
  }

  @Test func answersEachRequestInOrderOnOneStream() async throws {
    var extensionRequest = Grpc_Reflection_V1_ExtensionRequest()
    extensionRequest.containingType = "grpc.health.v1.HealthCheckRequest"
    extensionRequest.extensionNumber = 100
    let requests = [
      Self.request(.listServices("*"), host: "localhost:1"),
      Self.request(.fileContainingSymbol("grpc.health.v1.Health.Watch")),
      Self.request(.fileContainingSymbol("grpc.health.v1.Nope")),
      Self.request(.fileByFilename("grpc/reflection/v1alpha/reflection.proto")),
      Self.request(.fileByFilename("nope.proto")),
      Self.request(.allExtensionNumbersOfType("grpc.health.v1.HealthCheckRequest")),
      Self.request(.allExtensionNumbersOfType("grpc.health.v1.Nope")),
      Self.request(.fileContainingExtension(extensionRequest)),
      Self.request(nil),
      Self.request(.listServices("")),
    ]
    let responses = try await ask(requests)
    try #require(responses.count == requests.count)
    #expect(responses.map(\.originalRequest) == requests)
    #expect(responses[0].validHost == "localhost:1")

    let names = [
      "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
      "grpc.reflection.v1alpha.ServerReflection",
    ]
    guard case .listServicesResponse(let list)? = responses[0].messageResponse else {
      Issue.record("not a service list: \(responses[0])")
      return
    }
    #expect(list.service.map(\.name) == names)
    #expect(responses[9].messageResponse == responses[0].messageResponse)

    guard case .fileDescriptorResponse(let health)? = responses[1].messageResponse else {
      Issue.record("not a file: \(responses[1])")
      return
    }
    #expect(health.fileDescriptorProto == [Grpc_Health_V1_Health_ProtoFile.descriptorBytes])
    guard case .fileDescriptorResponse(let reflection)? = responses[3].messageResponse else {
      Issue.record("not a file: \(responses[3])")
      return
    }
    #expect(
      reflection.fileDescriptorProto
        == [Grpc_Reflection_V1alpha_Reflection_ProtoFile.descriptorBytes])

    guard case .allExtensionNumbersResponse(let numbers)? = responses[5].messageResponse else {
      Issue.record("not extension numbers: \(responses[5])")
      return
    }
    #expect(numbers.baseTypeName == "grpc.health.v1.HealthCheckRequest")
    #expect(numbers.extensionNumber.isEmpty)

    let errors: [(Int, StatusCode)] = [
      (2, .notFound), (4, .notFound), (6, .notFound), (7, .notFound), (8, .invalidArgument),
    ]
    for (index, code) in errors {
      guard case .errorResponse(let error)? = responses[index].messageResponse else {
        Issue.record("response \(index) is not an error: \(responses[index])")
        continue
      }
      #expect(error.errorCode == Int32(code.rawValue), "response \(index)")
      #expect(!error.errorMessage.isEmpty)
    }
  }

  @Test func v1alphaAnswersLikeV1() async throws {
    var request = Grpc_Reflection_V1alpha_ServerReflectionRequest()
    request.messageRequest = .fileContainingSymbol("grpc.health.v1.HealthCheckResponse.SERVING")
    var unknown = Grpc_Reflection_V1alpha_ServerReflectionRequest()
    unknown.messageRequest = .fileContainingSymbol("grpc.health.v1.SERVING_NOT")
    let responses = try await Grpc_Reflection_V1alpha_ServerReflection.Client(transport: transport)
      .serverReflectionInfo { [request, unknown] writer in
        try await writer.write(request)
        try await writer.write(unknown)
      } responses: { responses in
        var all: [Grpc_Reflection_V1alpha_ServerReflectionResponse] = []
        for try await response in responses { all.append(response) }
        return all
      }
    try #require(responses.count == 2)
    #expect(responses[0].originalRequest == request)
    guard case .fileDescriptorResponse(let files)? = responses[0].messageResponse else {
      Issue.record("not a file: \(responses[0])")
      return
    }
    #expect(files.fileDescriptorProto == [Grpc_Health_V1_Health_ProtoFile.descriptorBytes])
    guard case .errorResponse(let error)? = responses[1].messageResponse else {
      Issue.record("not an error: \(responses[1])")
      return
    }
    #expect(error.errorCode == Int32(StatusCode.notFound.rawValue))
  }

  @Test func answersBeforeTheClientFinishesSending() async throws {
    let answer = try await Grpc_Reflection_V1_ServerReflection.Client(transport: transport)
      .serverReflectionInfo { writer in
        try await writer.write(Self.request(.listServices("")))
        // Keep the request side open: the answer must not wait for the end of the stream.
        try await Task.sleep(for: .seconds(60))
      } responses: { responses -> Response? in
        for try await response in responses { return response }
        return nil
      }
    #expect(answer?.originalRequest == Self.request(.listServices("")))
  }
}
