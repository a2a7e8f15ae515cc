import ArgumentParser
import Dispatch
import SluiceGenerated
import SluiceObservability
import SluiceRuntime
import SluiceServer
import SluiceStandardServices
import SluiceTransport

#if canImport(Glibc)
  import Glibc
#endif

/// `sluice-interop-server`: serves `grpc.testing.TestService` and `grpc.health.v1.Health`
/// over gRPC and Connect (h2c and HTTP/1.1, and TLS with `--tls-cert` and `--tls-key`)
/// for the interop test clients, and its call metrics at `GET /metrics` on the same port.
@main
struct InteropServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sluice-interop-server",
    abstract: "Serves grpc.testing.TestService for gRPC interop tests.")

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0 picks a free one).")
  var port = 50051

  @Option(help: "PEM certificate chain to serve TLS with (needs --tls-key).")
  var tlsCert: String?

  @Option(help: "PEM private key of --tls-cert.")
  var tlsKey: String?

  @Option(help: "PEM CA certificates that client certificates are checked against (mTLS).")
  var tlsClientCa: String?

  @Flag(help: "Refuse TLS clients without a certificate (needs --tls-client-ca).")
  var requireClientCert = false

  @Flag(
    inversion: .prefixedNo,
    help: "Record call metrics and serve them at GET /metrics (off: no per-call metrics cost).")
  var metrics = true

  func validate() throws {
    if (tlsCert == nil) != (tlsKey == nil) {
      throw ValidationError("--tls-cert and --tls-key go together")
    }
    if tlsCert == nil && (tlsClientCa != nil || requireClientCert) {
      throw ValidationError("--tls-client-ca and --require-client-cert need --tls-cert")
    }
    if requireClientCert && tlsClientCa == nil {
      throw ValidationError("--require-client-cert needs --tls-client-ca")
    }
  }

  func run() async throws {
    var configuration = ServerConfiguration(host: host, port: port)
    if let tlsCert, let tlsKey {
      configuration.tls = TLSServerConfiguration(
        certificateChainFile: tlsCert, privateKeyFile: tlsKey, clientCAFile: tlsClientCa,
        requireClientCertificate: requireClientCert)
    }
    let health = HealthStatusProvider()
    let observability = metrics ? Self.observability() : (interceptors: [], routes: [])
    let server = try Server(
      configuration: configuration, services: Self.services(health: health),
      interceptors: observability.interceptors, routes: observability.routes)
    let (boundHost, boundPort) = try await server.start()
    print("listening on \(boundHost):\(boundPort)")
    fflush(nil)
    signal(SIGTERM, SIG_IGN)
    signal(SIGINT, SIG_IGN)
    let signals = [SIGTERM, SIGINT].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        // Probes see NOT_SERVING while in-flight calls drain.
        health.enterGracefulShutdown()
        Task { await server.shutdown(gracePeriod: .seconds(5)) }
      }
      source.resume()
      return source
    }
    try await server.run()
    for source in signals { source.cancel() }
  }

  /// The services this server hosts: the interop test service, `grpc.health.v1.Health`
  /// reporting the server and the test service as serving through `health`, and gRPC
  /// server reflection (v1 and v1alpha) describing all of them.
  static func services(health: HealthStatusProvider = HealthStatusProvider()) throws
    -> [any RPCService]
  {
    health.setStatus(.serving, forService: InteropTestService.serviceDescriptor.fullName)
    let services: [any RPCService] = [InteropTestService(), HealthService(provider: health)]
    return try services + ServerReflection.services(describing: services)
  }

  /// Metrics of every call in a fresh ``MetricsRegistry``: the interceptor recording them
  /// (`sluice_rpc_calls_total`, `sluice_rpc_duration_seconds`, `sluice_rpc_in_flight`)
  /// and the `/metrics` route serving them in the Prometheus text format.
  static func observability() -> (interceptors: [any ServerInterceptor], routes: [HTTPRoute]) {
    let registry = MetricsRegistry()
    let route = HTTPRoute(path: "/metrics") { _ in
      HTTPRouteResponse(contentType: MetricsRegistry.contentType, body: registry.exposition())
    }
    return ([RPCMetricsInterceptor(factory: registry.factory)], [route])
  }
}
