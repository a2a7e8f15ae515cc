public import SluiceGenerated

/// How a service (or, under the empty name, the whole server) is doing, as
/// `grpc.health.v1.Health` reports it.
public enum HealthStatus: Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// The status is not known (yet).
  case unknown
  /// The service takes calls.
  case serving
  /// The service does not take calls now, for example while the server shuts down.
  case notServing

  /// The status as the health protocol's `ServingStatus`.
  public var servingStatus: Grpc_Health_V1_HealthCheckResponse.ServingStatus {
    switch self {
    case .unknown: .unknown
    case .serving: .serving
    case .notServing: .notServing
    }
  }

  /// The protocol's name: `UNKNOWN`, `SERVING` or `NOT_SERVING`.
  public var description: String {
    switch self {
    case .unknown: "UNKNOWN"
    case .serving: "SERVING"
    case .notServing: "NOT_SERVING"
    }
  }
}
