import SluiceRuntime
import SluiceServer
import SluiceTestSupport
import SluiceTransport

@testable import sluice_interop_server

/// The interop server as `sluice-interop-server` wires it (its services, its metrics
/// interceptor and `/metrics` route) plus `extraRoutes`, on 127.0.0.1:0; with `tls`, the
/// port serves TLS (test PKI) beside plaintext.
struct RouteTestServer {
  let server: Server
  let port: Int

  static func start(tls: Bool = false, extraRoutes: [HTTPRoute] = []) async throws
    -> RouteTestServer
  {
    var configuration = ServerConfiguration(port: 0, tlsReloadPollInterval: nil)
    if tls {
      let pki = TLSTestPKI.shared
      configuration.tls = TLSServerConfiguration(
        certificateChainFile: pki.server.certificate, privateKeyFile: pki.server.key)
    }
    let metrics = InteropServerCommand.observability()
    let server = try Server(
      configuration: configuration, services: InteropServerCommand.services(),
      interceptors: metrics.interceptors, routes: metrics.routes + extraRoutes)
    let (_, port) = try await server.start()
    return RouteTestServer(server: server, port: port)
  }

  func stop() async {
    await server.shutdown(gracePeriod: .seconds(1))
  }
}
