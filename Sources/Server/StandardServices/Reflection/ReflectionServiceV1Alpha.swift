public import SluiceGenerated
public import SluiceRuntime

/// gRPC server reflection in its older version, `grpc.reflection.v1alpha.ServerReflection`,
/// which many clients still speak (grpc_cli, Python's `ProtoReflectionDescriptorDatabase`).
/// It answers exactly as ``ReflectionService`` (v1) does, from a ``ReflectionIndex``: one
/// response per request, in order; unanswerable questions get an `error_response`.
///
/// Use ``ServerReflection/services(describing:)`` to get this and the `v1` service
/// over one index of a server's services.
public struct ReflectionServiceV1Alpha: Grpc_Reflection_V1alpha_ServerReflection.ServiceProtocol {
  /// What the service answers from.
  public let index: ReflectionIndex

  /// A reflection service answering from `index`.
  public init(index: ReflectionIndex) {
    self.index = index
  }

  /// Answers each request in order.
  public func serverReflectionInfo(
    requests: RPCRequestStream<Grpc_Reflection_V1alpha_ServerReflectionRequest>,
    response: RPCResponseWriter<Grpc_Reflection_V1alpha_ServerReflectionResponse>,
    context: ServerContext
  ) async throws {
    for try await request in requests {
      try await response.write(Self.response(to: request, from: index))
    }
  }

  /// The response to `request`, echoing it and its host.
  static func response(
    to request: Grpc_Reflection_V1alpha_ServerReflectionRequest, from index: ReflectionIndex
  ) -> Grpc_Reflection_V1alpha_ServerReflectionResponse {
    let query: ReflectionQuery
    switch request.messageRequest {
    case .fileByFilename(let name)?: query = .fileByFilename(name)
    case .fileContainingSymbol(let symbol)?: query = .fileContainingSymbol(symbol)
    case .fileContainingExtension(let request)?:
      query = .fileContainingExtension(
        messageType: request.containingType, number: request.extensionNumber)
    case .allExtensionNumbersOfType(let type)?: query = .allExtensionNumbersOfType(type)
    case .listServices?: query = .listServices
    case nil: query = .empty
    }
    var response = Grpc_Reflection_V1alpha_ServerReflectionResponse()
    response.validHost = request.host
    response.originalRequest = request
    switch index.answer(query) {
    case .files(let files):
      var message = Grpc_Reflection_V1alpha_FileDescriptorResponse()
      message.fileDescriptorProto = files
      response.messageResponse = .fileDescriptorResponse(message)
    case .extensionNumbers(let baseTypeName, let numbers):
      var message = Grpc_Reflection_V1alpha_ExtensionNumberResponse()
      message.baseTypeName = baseTypeName
      message.extensionNumber = numbers
      response.messageResponse = .allExtensionNumbersResponse(message)
    case .services(let names):
      var message = Grpc_Reflection_V1alpha_ListServiceResponse()
      message.service = names.map { name in
        var service = Grpc_Reflection_V1alpha_ServiceResponse()
        service.name = name
        return service
      }
      response.messageResponse = .listServicesResponse(message)
    case .error(let code, let text):
      var message = Grpc_Reflection_V1alpha_ErrorResponse()
      message.errorCode = Int32(code.rawValue)
      message.errorMessage = text
      response.messageResponse = .errorResponse(message)
    }
    return response
  }
}
