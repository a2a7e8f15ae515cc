/// A plain HTTP endpoint served on the server's port beside the RPCs: `/metrics` for
/// Prometheus, `/healthz` for Kubernetes probes and the like.
///
/// A route owns one exact path. `GET` runs its handler; `HEAD` runs it too and sends
/// the same status and headers (with the `content-length` a `GET` would get) without the
/// body; any other method gets `405 Method Not Allowed` with `allow: GET, HEAD`. The
/// query string is not part of the match (the handler sees it). Routes answer over
/// HTTP/1.1, h2c and TLS (either ALPN protocol) before RPC routing, so requests to other
/// paths reach the RPC protocols exactly as without routes, and a server without routes
/// does no route work per call.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let server = try Server(
///   configuration: configuration, services: services,
///   interceptors: [RPCMetricsInterceptor(factory: registry.factory)],
///   routes: [
///     HTTPRoute(path: "/metrics") { _ in
///       HTTPRouteResponse(contentType: MetricsRegistry.contentType, body: registry.exposition())
///     },
///     .health { !health.isShuttingDown },
///   ])
/// ```
///
/// The handler runs as a task that prefers the connection's I/O thread, like an RPC
/// handler: work that blocks belongs elsewhere. When it throws, the client gets
/// `500 Internal Server Error` with a generic body; when the client goes away first, its
/// task is cancelled.
public struct HTTPRoute: Sendable {
  /// What a route's handler is given and returns.
  public typealias Handler = @Sendable (HTTPRouteRequest) async throws -> HTTPRouteResponse

  /// The exact path served, such as `/metrics`: starts with `/`, without `?` or `#`.
  public let path: String
  /// Answers a `GET` or `HEAD` request for ``path``.
  public let handler: Handler

  /// A route answering `GET` and `HEAD` requests for `path` with `handler`.
  ///
  /// The path is checked when the route is passed to `Server.init`, which throws
  /// ``RegistrationError`` for a malformed, duplicate or RPC method path.
  public init(path: String, handler: @escaping Handler) {
    self.path = path
    self.handler = handler
  }
}
