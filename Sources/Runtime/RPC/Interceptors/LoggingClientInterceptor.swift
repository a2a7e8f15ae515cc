/// Writes one line per call to a sink when the call ends: the method, the status and how
/// long the call took, in `key=value` form:
///
/// ```
/// method=/sluice.v1.IngestService/Ingest status=OK duration=1.234ms
/// method=/sluice.v1.IngestService/Ingest status=UNAVAILABLE duration=0.051ms message="connection refused"
/// ```
///
/// The duration runs from the start of the call (before the interceptors) until its
/// end was seen (for streams: until the last response was read). The sink is called
/// where the end was seen; it must not block.
public struct LoggingClientInterceptor: ClientInterceptor {
  private let sink: @Sendable (String) -> Void

  /// An interceptor passing each call's line to `sink`.
  public init(sink: @escaping @Sendable (String) -> Void) {
    self.sink = sink
  }

  /// Asks to observe the call's end.
  public func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?
  {
    let sink = self.sink
    let path = method.path
    return { outcome in sink(LogLine.format([("method", path)], outcome: outcome)) }
  }
}
