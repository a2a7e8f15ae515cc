/// Writes one line per call to a sink: the method, the client, the status and how long
/// the call took, in `key=value` form:
///
/// ```
/// method=/sluice.v1.IngestService/Ingest peer=ipv4:10.0.0.7:51234 status=OK duration=1.234ms
/// method=/sluice.v1.IngestService/Ingest peer=ipv4:10.0.0.7:51240 status=UNAUTHENTICATED duration=0.051ms message="missing bearer token"
/// ```
///
/// Put it first to log every call, including those later interceptors reject:
///
/// ```swift
/// let server = try Server(
///   configuration: configuration, services: services,
///   interceptors: [LoggingServerInterceptor { line in logger.info("\(line)") }, auth])
/// ```
///
/// The sink is called in the handler's task after the call ended; it must not block.
public struct LoggingServerInterceptor: ServerInterceptor {
  private let sink: @Sendable (String) -> Void

  /// An interceptor passing each call's line to `sink`.
  public init(sink: @escaping @Sendable (String) -> Void) {
    self.sink = sink
  }

  /// Runs the call, then logs its line.
  public func intercept(
    context: ServerContext, next: () async throws(RPCError) -> Void
  ) async throws {
    let outcome = await RPCOutcome.observing(context, next)
    sink(
      LogLine.format(
        [("method", context.method.path), ("peer", context.peer)], outcome: outcome))
  }
}
