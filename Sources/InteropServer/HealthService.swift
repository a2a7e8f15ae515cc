public import SluiceGenerated
public import SluiceRuntime

/// `grpc.health.v1.Health` for a server whose services are always serving.
public struct HealthService: Grpc_Health_V1_Health.ServiceProtocol {
  /// The services reported as serving; the empty name (the whole server) always is.
  public let services: Set<String>

  /// A health service reporting `services` (and the server itself) as serving.
  public init(services: Set<String>) {
    self.services = services
  }

  /// `SERVING` for the server and its services, `NOT_FOUND` for anything else.
  public func check(request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext)
    async throws -> Grpc_Health_V1_HealthCheckResponse
  {
    guard request.service.isEmpty || services.contains(request.service) else {
      throw RPCError(code: .notFound, message: "unknown service \(request.service)")
    }
    var response = Grpc_Health_V1_HealthCheckResponse()
    response.status = .serving
    return response
  }

  /// Sends the current status once, then waits until the caller goes away.
  public func watch(
    request: Grpc_Health_V1_HealthCheckRequest,
    response: RPCResponseWriter<Grpc_Health_V1_HealthCheckResponse>, context: ServerContext
  ) async throws {
    var status = Grpc_Health_V1_HealthCheckResponse()
    status.status =
      request.service.isEmpty || services.contains(request.service) ? .serving : .serviceUnknown
    try await response.write(status)
    while !Task.isCancelled {
      try await Task.sleep(for: .seconds(3600))
    }
  }
}
