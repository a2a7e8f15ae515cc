public import CoreMetrics
public import SluiceRuntime

/// Records every call through swift-metrics: `sluice_rpc_calls_total` and the
/// `sluice_rpc_duration_seconds` timer by method path and status code, and
/// `sluice_rpc_in_flight` by method path.
///
/// Register it first (outermost) so it sees every other interceptor's rejections too.
public struct RPCMetricsInterceptor: ServerInterceptor {
  /// Where metrics go; the process's bootstrapped factory by default.
  public let factory: any MetricsFactory

  /// An interceptor recording into `factory`.
  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    self.factory = factory
  }

  /// Counts the call in flight, runs it, then records its outcome and duration.
  public func intercept(context: ServerContext, next: () async throws(RPCError) -> Void)
    async throws
  {
    let method = context.method.path
    let inFlight = Meter(
      label: MetricNames.rpcInFlight, dimensions: [("method", method)], factory: factory)
    inFlight.increment()
    let outcome = await RPCOutcome.observing(context, next)
    inFlight.decrement()
    let dimensions = [("method", method), ("code", outcome.code.name)]
    Counter(label: MetricNames.rpcCalls, dimensions: dimensions, factory: factory).increment()
    Timer(label: MetricNames.rpcDuration, dimensions: dimensions, factory: factory)
      .recordNanoseconds(Int64(clamping: outcome.duration.nanoseconds))
  }
}

extension Duration {
  /// The duration in whole nanoseconds (saturating).
  var nanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
      ? .max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
