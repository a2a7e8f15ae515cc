import SluiceObservability
import SluiceRuntime
import Testing

@Suite("RPCMetricsInterceptor")
struct RPCMetricsInterceptorTests {
  static let method = MethodDescriptor(
    service: "test.Echo", method: "Say", kind: .unary, inputType: "test.M", outputType: "test.M")

  func call(_ interceptor: RPCMetricsInterceptor, failing: RPCError?) async {
    let context = ServerContext(
      method: Self.method, requestMetadata: Metadata(), deadline: nil, peer: "test")
    try? await interceptor.intercept(context: context) { () async throws(RPCError) in
      if let failing { throw failing }
    }
  }

  @Test func countsCallsByMethodAndCodeWithLatency() async {
    let metrics = MetricsRegistry()
    let interceptor = RPCMetricsInterceptor(factory: metrics.factory)
    await call(interceptor, failing: nil)
    await call(interceptor, failing: nil)
    await call(interceptor, failing: RPCError(code: .unavailable, message: "down"))
    let text = String(decoding: metrics.exposition(), as: UTF8.self)
    #expect(text.contains(#"sluice_rpc_calls_total{method="/test.Echo/Say",code="OK"} 2"#))
    #expect(text.contains(#"sluice_rpc_calls_total{method="/test.Echo/Say",code="UNAVAILABLE"} 1"#))
    #expect(text.contains(#"sluice_rpc_duration_seconds_count{method="/test.Echo/Say",code="OK"} 2"#))
    #expect(text.contains(#"sluice_rpc_in_flight{method="/test.Echo/Say"} 0"#))
  }
}
