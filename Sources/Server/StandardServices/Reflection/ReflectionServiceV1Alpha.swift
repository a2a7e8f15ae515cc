public import SluiceGenerated
public import SluiceRuntime

/// gRPC server reflection in its older version, `grpc.reflection.v1alpha.ServerReflection`,
/// which many clients still speak (grpc_cli, Python's `ProtoReflectionDescriptorDatabase`).
/// It answers exactly as ``ReflectionService`` (v1) does, from a ``ReflectionIndex``: one
/// response per request, in order; unanswerable questions get an `error_response`.
///
/// v1 is v1alpha renamed: the two versions' messages are the same on the wire. So each
/// request is read as its v1 twin, answered by ``ReflectionService``, and the answer read
/// back as v1alpha (reflection is a handful of small messages per tool run).
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

  /// The response to `request`, echoing it and its host, as ``ReflectionService`` answers
  /// the same request in v1.
  static func response(
    to request: Grpc_Reflection_V1alpha_ServerReflectionRequest, from index: ReflectionIndex
  ) throws(ProtoDecodingError) -> Grpc_Reflection_V1alpha_ServerReflectionResponse {
    let v1Request = try Grpc_Reflection_V1_ServerReflectionRequest(
      serializedBytes: request.serializedBytes())
    let v1Response = ReflectionService.response(to: v1Request, from: index)
    return try Grpc_Reflection_V1alpha_ServerReflectionResponse(
      serializedBytes: v1Response.serializedBytes())
  }
}
