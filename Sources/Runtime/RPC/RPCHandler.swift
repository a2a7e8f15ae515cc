/// One method of a server, on raw message bytes: what a transport runs for a call.
///
/// Generated code builds handlers through the `@inlinable` generic helpers
/// (``unary(_:_:)`` and friends), which decode requests, call the typed service method and
/// encode responses; specialized for the concrete message types, they leave no generic
/// dispatch on the call path. A unary call is one closure call from request bytes to
/// response bytes, so a server can serve it with one hand-off from its I/O thread.
///
/// A handler is immutable and shared by every call of its method. Interceptors wrap a
/// handler's body into a new handler around the same method (``intercepted(by:)``).
public final class RPCHandler: Sendable {
  /// What the transport calls, one case per kind of RPC. Every closure receives the codec
  /// the transport chose for the call and fails only with ``RPCError``.
  ///
  /// For `unary` and `serverStreaming` the transport delivers exactly one request
  /// message; when the client sends none or several it fails the call with `.internal`
  /// and does not call the body.
  public enum Body: Sendable {
    /// Request bytes in, response bytes out.
    case unary(
      @Sendable (_ request: [UInt8], _ context: ServerContext, _ codec: MessageCodec)
        async throws(RPCError) -> [UInt8])
    /// Requests from a source, one response out.
    case clientStreaming(
      @Sendable (_ requests: any RPCMessageSource, _ context: ServerContext, _ codec: MessageCodec)
        async throws(RPCError) -> [UInt8])
    /// One request in, responses written to a sink.
    case serverStreaming(
      @Sendable (
        _ request: [UInt8], _ responses: any RPCMessageSink, _ context: ServerContext,
        _ codec: MessageCodec
      ) async throws(RPCError) -> Void)
    /// Requests from a source, responses to a sink, independently.
    case bidirectionalStreaming(
      @Sendable (
        _ requests: any RPCMessageSource, _ responses: any RPCMessageSink,
        _ context: ServerContext, _ codec: MessageCodec
      ) async throws(RPCError) -> Void)
  }

  /// The method this handler serves.
  public let method: MethodDescriptor
  /// The code to run.
  public let body: Body

  /// Creates a handler. The body's kind is what the transport runs; it should match
  /// `method.kind`, as the generic helpers guarantee.
  public init(method: MethodDescriptor, body: Body) {
    self.method = method
    self.body = body
  }

  /// The kind of RPC the body implements.
  public var kind: RPCKind {
    switch body {
    case .unary: .unary
    case .clientStreaming: .clientStreaming
    case .serverStreaming: .serverStreaming
    case .bidirectionalStreaming: .bidirectionalStreaming
    }
  }
}
