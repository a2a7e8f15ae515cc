/// Which methods an interceptor applies to, decided from the method's descriptor alone.
///
/// ```swift
/// let auth = BearerTokenServerInterceptor<String> { token, _ in users[token] }
///   .scoped(to: .excluding(services: ["grpc.health.v1.Health"]))
/// ```
///
/// A server evaluates the scope once per method, when the router wraps the method's
/// handler; a client evaluates it per call. Either way it must depend only on the
/// descriptor: put per-call decisions into the interceptor itself.
public struct InterceptorScope: Sendable {
  private let predicate: @Sendable (MethodDescriptor) -> Bool

  /// A scope holding the methods for which `predicate` returns true.
  public init(_ predicate: @escaping @Sendable (MethodDescriptor) -> Bool) {
    self.predicate = predicate
  }

  /// Whether `method` is in the scope.
  public func contains(_ method: MethodDescriptor) -> Bool {
    predicate(method)
  }

  /// Every method.
  public static var all: InterceptorScope {
    InterceptorScope { _ in true }
  }

  /// The methods of the services with these fully qualified names, such as
  /// `sluice.v1.IngestService`.
  public static func services(_ names: Set<String>) -> InterceptorScope {
    InterceptorScope { names.contains($0.service) }
  }

  /// These methods (compared by path).
  public static func methods(_ methods: Set<MethodDescriptor>) -> InterceptorScope {
    let paths = Set(methods.map(\.path))
    return InterceptorScope { paths.contains($0.path) }
  }

  /// Every method except those of the named services and the given methods.
  public static func excluding(
    services: Set<String> = [], methods: Set<MethodDescriptor> = []
  ) -> InterceptorScope {
    let paths = Set(methods.map(\.path))
    return InterceptorScope { !services.contains($0.service) && !paths.contains($0.path) }
  }
}
