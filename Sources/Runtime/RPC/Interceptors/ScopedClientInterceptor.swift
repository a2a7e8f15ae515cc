/// A client interceptor applied only to the methods of a scope; made by
/// ``ClientInterceptor/scoped(to:)``.
public struct ScopedClientInterceptor<Base: ClientInterceptor>: ClientInterceptor {
  /// The interceptor that runs for methods in scope.
  public let base: Base
  /// The methods it applies to.
  public let scope: InterceptorScope

  /// `base`, applied only to the methods in `scope` (and only those `base` itself
  /// applies to).
  public init(_ base: Base, scope: InterceptorScope) {
    self.base = base
    self.scope = scope
  }

  /// Runs the scoped interceptor.
  public func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?
  {
    try await base.intercept(method: method, options: &options)
  }

  /// Whether `method` is in scope and the scoped interceptor applies to it.
  public func applies(to method: MethodDescriptor) -> Bool {
    scope.contains(method) && base.applies(to: method)
  }
}
