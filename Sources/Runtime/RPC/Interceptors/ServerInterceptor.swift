/// Code that runs around every call of the methods it applies to, on the server: auth,
/// logging, metrics and tracing are written as interceptors.
///
/// An interceptor sees the call's ``ServerContext`` (method, request metadata, peer,
/// mutual-TLS identity, deadline) before the handler runs, and calls `next` to run the
/// rest of the chain and the handler. It works the same for all four kinds of RPC: `next`
/// returns when the handler has returned (and, for unary and client-streaming calls,
/// produced its response), or throws the call's ``RPCError``. So an interceptor can:
///
/// - reject the call by throwing instead of calling `next` (an ``RPCError`` as is;
///   other errors are converted as ``RPCError/init(_:)`` converts a handler's);
/// - set response headers and trailers through ``ServerContext/responseMetadata`` and
///   ``ServerContext/trailers``;
/// - observe the outcome and the duration, most simply with
///   ``RPCOutcome/observing(_:_:)``;
/// - replace a failure by catching the error of `next` and throwing another one.
///
/// It cannot turn a failed call into a success: when `next` threw, the call fails with
/// that error unless the interceptor throws a different one, so an observing interceptor
/// need not rethrow. Calling `next` more than once fails the call with `.internal`, and
/// so does returning without having called it.
///
/// The interceptor runs in the handler's task, so binding a task-local value around
/// `next` is how it hands values to the handler, such as the principal an auth
/// interceptor authenticated:
///
/// ```swift
/// enum Auth {
///   @TaskLocal static var user: User?
/// }
///
/// struct UserInterceptor: ServerInterceptor {
///   let users: UserDirectory
///
///   func intercept(
///     context: ServerContext, next: () async throws(RPCError) -> Void
///   ) async throws {
///     guard let id = context.requestMetadata.firstString(forKey: "x-user"),
///       let user = await users.find(id)
///     else { throw RPCError(code: .unauthenticated, message: "unknown user") }
///     try await Auth.$user.withValue(user) { try await next() }
///   }
/// }
/// // In a handler: `guard let user = Auth.user else { ... }`.
/// ```
///
/// A router (``RPCRouter/init(services:interceptors:)``) applies its interceptors in the
/// order given: the first is the outermost, it runs first and sees the outcome last.
/// ``applies(to:)`` (or ``scoped(to:)``) limits an interceptor to some methods; it is
/// asked once per method when the router wraps the method's handler, so methods it
/// declines pay nothing. To see the messages themselves, conform to
/// ``ServerMessageInterceptor`` instead.
public protocol ServerInterceptor: Sendable {
  /// Intercepts one call: runs the rest of the chain and the handler with `next`, or
  /// throws to fail the call.
  func intercept(
    context: ServerContext, next: () async throws(RPCError) -> Void
  ) async throws

  /// Whether this interceptor runs for calls of `method`; asked once per method when a
  /// router wraps its handler. The default applies to every method.
  func applies(to method: MethodDescriptor) -> Bool
}

extension ServerInterceptor {
  /// Applies to every method.
  public func applies(to method: MethodDescriptor) -> Bool {
    true
  }

  /// This interceptor, applied only to the methods in `scope`.
  public func scoped(to scope: InterceptorScope) -> ScopedServerInterceptor<Self> {
    ScopedServerInterceptor(self, scope: scope)
  }
}
