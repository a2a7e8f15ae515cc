/// A service a server can host. Generated `ServiceProtocol`s refine it and implement
/// both requirements in an extension, so a service type only implements its methods.
public protocol RPCService: Sendable {
  /// The service's descriptor (name, methods, schema for reflection).
  static var serviceDescriptor: ServiceDescriptor { get }

  /// One handler per method, bound to this instance.
  func handlers() -> [RPCHandler]
}
