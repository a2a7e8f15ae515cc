extension HTTPRoute {
  /// A health endpoint for HTTP probes (Kubernetes `httpGet` liveness and readiness
  /// probes, load balancers): `200 ok` while `isHealthy` returns true, `503 unavailable`
  /// otherwise.
  ///
  /// ```swift
  /// // Ready while the gRPC health service reports serving and no shutdown has begun.
  /// .health(path: "/readyz") { !health.isShuttingDown }
  /// ```
  ///
  /// A server has no such route unless it is passed to `Server.init`.
  public static func health(
    path: String = "/healthz", isHealthy: @escaping @Sendable () async -> Bool
  ) -> HTTPRoute {
    HTTPRoute(path: path) { _ in
      await isHealthy() ? .text("ok\n") : .text("unavailable\n", status: 503)
    }
  }
}
