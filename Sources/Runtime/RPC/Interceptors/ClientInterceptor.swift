/// What a client interceptor asks to run when a call it prepared ends, with the call's
/// outcome. It runs once per call, in the task that saw the end (or, for a stream dropped
/// before its end, wherever the last reference went), so it must not block.
public typealias ClientCallObserver = @Sendable (RPCOutcome) -> Void

/// Code that runs for every call a client makes through an
/// ``InterceptedClientTransport``: auth tokens, logging, metrics, tracing headers.
///
/// Before the call starts, ``intercept(method:options:)`` may change its
/// ``CallOptions`` (add metadata such as an `authorization` or `traceparent` header,
/// shorten the timeout) or throw to fail the call locally without sending anything.
/// To observe the call's end it returns a ``ClientCallObserver``, which receives the
/// status and the duration: for unary calls when the response or the error arrived, for
/// streaming calls when the response side ended (the last response was read, or reading
/// threw) or the stream was cancelled or dropped before that (`.cancelled`, or the error
/// a write failed with). A closure per call carries per-call state, such as a span:
///
/// ```swift
/// struct TracingInterceptor: ClientInterceptor {
///   func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
///     -> ClientCallObserver?
///   {
///     let span = Tracer.start(method.description)
///     try options.metadata.setString(span.traceparent, forKey: "traceparent")
///     return { outcome in span.end(status: outcome.code) }
///   }
/// }
/// ```
///
/// Interceptors run in the order given, the first outermost: each sees the options as
/// the ones before it left them, and observers run in reverse order, the first
/// interceptor's last. When an interceptor throws, the ones after it do not run and the
/// observers of the ones before it see the call fail with that error (an ``RPCError``
/// as is; other errors are converted as ``RPCError/init(_:)`` converts them).
public protocol ClientInterceptor: Sendable {
  /// Prepares one call of `method`: may change `options`, or throw to fail the call.
  /// Returns what to run when the call ends, or nil. Runs in the calling task.
  func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?

  /// Whether this interceptor runs for calls of `method`; asked per call. The default
  /// applies to every method.
  func applies(to method: MethodDescriptor) -> Bool
}

extension ClientInterceptor {
  /// Applies to every method.
  public func applies(to method: MethodDescriptor) -> Bool {
    true
  }

  /// This interceptor, applied only to the methods in `scope`.
  public func scoped(to scope: InterceptorScope) -> ScopedClientInterceptor<Self> {
    ScopedClientInterceptor(self, scope: scope)
  }
}
