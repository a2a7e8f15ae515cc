internal import SluiceGenerated
public import SluiceRuntime

/// gRPC server reflection in both versions clients use, `grpc.reflection.v1` and
/// `grpc.reflection.v1alpha`, set up for a server's services:
///
/// ```swift
/// let services: [any RPCService] = [IngestService(), HealthService(provider: health)]
/// let all = try services + ServerReflection.services(describing: services)
/// let server = try Server(configuration: configuration, services: all)
/// ```
public enum ServerReflection {
  /// The descriptors of both reflection services, v1 then v1alpha.
  public static let serviceDescriptors: [ServiceDescriptor] = [
    Grpc_Reflection_V1_ServerReflection.descriptor,
    Grpc_Reflection_V1alpha_ServerReflection.descriptor,
  ]

  /// A ``ReflectionService`` and a ``ReflectionServiceV1Alpha`` sharing one index that
  /// describes `services` and both reflection services; register them beside `services`.
  /// - Throws: ``ReflectionIndexError`` when the services' descriptors disagree.
  public static func services(describing services: [any RPCService])
    throws(ReflectionIndexError) -> [any RPCService]
  {
    let index = try ReflectionIndex(
      services: services.map { type(of: $0).serviceDescriptor } + serviceDescriptors)
    return [ReflectionService(index: index), ReflectionServiceV1Alpha(index: index)]
  }
}
