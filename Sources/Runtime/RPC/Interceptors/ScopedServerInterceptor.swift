/// A server interceptor applied only to the methods of a scope; made by
/// ``ServerInterceptor/scoped(to:)``.
///
/// It is a ``ServerMessageInterceptor`` exactly when the interceptor it scopes is one.
public struct ScopedServerInterceptor<Base: ServerInterceptor>: ServerInterceptor {
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
  public func intercept(
    context: ServerContext, next: () async throws(RPCError) -> Void
  ) async throws {
    try await base.intercept(context: context, next: next)
  }

  /// Whether `method` is in scope and the scoped interceptor applies to it.
  public func applies(to method: MethodDescriptor) -> Bool {
    scope.contains(method) && base.applies(to: method)
  }
}

extension ScopedServerInterceptor: ServerMessageInterceptor where Base: ServerMessageInterceptor {
  /// The scoped interceptor's request hook.
  public func interceptRequest(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]
  {
    try await base.interceptRequest(message, context: context)
  }

  /// The scoped interceptor's response hook.
  public func interceptResponse(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]
  {
    try await base.interceptResponse(message, context: context)
  }
}
