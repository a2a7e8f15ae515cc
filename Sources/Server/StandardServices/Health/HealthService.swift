public import SluiceGenerated
public import SluiceRuntime

/// `grpc.health.v1.Health`, as gRPC's health checking protocol specifies it, answering
/// from a ``HealthStatusProvider``.
///
/// - `Check` answers the current status of a service, or fails with NOT_FOUND when the
///   provider does not know it. The empty service name asks about the whole server.
/// - `Watch` sends the current status at once (SERVICE_UNKNOWN for an unknown service,
///   without ending the call), then each change, until the caller cancels the call or
///   the server closes it.
public struct HealthService: Grpc_Health_V1_Health.ServiceProtocol {
  /// Where the statuses come from; update them there.
  public let provider: HealthStatusProvider

  /// A health service reporting the statuses of `provider`.
  public init(provider: HealthStatusProvider = HealthStatusProvider()) {
    self.provider = provider
  }

  /// The status of the requested service; NOT_FOUND when it is unknown.
  public func check(request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext)
    async throws -> Grpc_Health_V1_HealthCheckResponse
  {
    guard let status = provider.status(forService: request.service) else {
      throw RPCError(code: .notFound, message: "unknown service \"\(request.service)\"")
    }
    var response = Grpc_Health_V1_HealthCheckResponse()
    response.status = status.servingStatus
    return response
  }

  /// The current status of the requested service, then every change, until cancelled.
  public func watch(
    request: Grpc_Health_V1_HealthCheckRequest,
    response: RPCResponseWriter<Grpc_Health_V1_HealthCheckResponse>, context: ServerContext
  ) async throws {
    try await provider.watch(service: request.service) { status in
      var message = Grpc_Health_V1_HealthCheckResponse()
      message.status = status
      try await response.write(message)
    }
  }
}
