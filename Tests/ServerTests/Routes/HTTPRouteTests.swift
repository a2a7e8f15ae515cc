import Foundation
import SluiceGenerated
import SluiceRuntime
import SluiceServer
import Synchronization
import Testing

@testable import sluice_interop_server

/// Handlers that fail, health probes, what handlers are given, and the paths `Server.init`
/// refuses.
@Suite struct HTTPRouteTests {
  private struct HandlerFailure: Error {}

  private final class Flag: Sendable {
    let value = Atomic(true)
  }

  @Test(arguments: [RouteTransport.http1, .h2c, .tlsH2])
  func failingHandlersGet500(transport: RouteTransport) async throws {
    let routes = [
      HTTPRoute(path: "/throws") { _ in throw HandlerFailure() },
      HTTPRoute(path: "/bad-status") { _ in .text("informational?", status: 103) },
      HTTPRoute(path: "/bad-type") { _ in
        HTTPRouteResponse(contentType: "text/plain\r\nx-injected: 1", body: [])
      },
    ]
    let server = try await RouteTestServer.start(tls: transport.usesTLS, extraRoutes: routes)
    for path in ["/throws", "/bad-status", "/bad-type"] {
      let response = try await RouteCurl.call(transport, port: server.port, path: path)
      #expect(response.exitStatus == 0 && response.status == 500, "\(path): \(response)")
      #expect(response.body == "internal server error\n", "\(path): \(response)")
      #expect(response.headers["x-injected"] == nil)
    }
    // The connection and the server carry on.
    let rpc = try await RouteCurl.unaryCall(transport, port: server.port)
    await server.stop()
    #expect(rpc.status == 200, "\(rpc)")
  }

  @Test(arguments: [RouteTransport.http1, .h2c])
  func healthRouteFollowsItsCheck(transport: RouteTransport) async throws {
    let healthy = Flag()
    let server = try await RouteTestServer.start(
      extraRoutes: [.health { healthy.value.load(ordering: .relaxed) }])
    let up = try await RouteCurl.call(transport, port: server.port, path: "/healthz")
    healthy.value.store(false, ordering: .relaxed)
    let down = try await RouteCurl.call(transport, port: server.port, path: "/healthz")
    let head = try await RouteCurl.call(
      transport, port: server.port, path: "/healthz", options: ["-I"])
    await server.stop()
    #expect(up.status == 200 && up.body == "ok\n", "\(up)")
    #expect(up.headers["content-type"] == "text/plain; charset=utf-8", "\(up)")
    #expect(down.status == 503 && down.body == "unavailable\n", "\(down)")
    #expect(head.status == 503 && head.headers["content-length"] == "12", "\(head)")
  }

  @Test(arguments: [RouteTransport.http1, .h2c])
  func handlersSeeMethodPathAndQuery(transport: RouteTransport) async throws {
    let echo = HTTPRoute(path: "/echo") { request in
      .text("\(request.method.rawValue) \(request.path) \(request.query ?? "-")")
    }
    let empty = HTTPRoute(path: "/empty") { _ in .text("", status: 204) }
    let server = try await RouteTestServer.start(extraRoutes: [echo, empty])
    let plain = try await RouteCurl.call(transport, port: server.port, path: "/echo")
    let query = try await RouteCurl.call(transport, port: server.port, path: "/echo?a=1&b")
    let noContent = try await RouteCurl.call(transport, port: server.port, path: "/empty")
    await server.stop()
    #expect(plain.body == "GET /echo -", "\(plain)")
    #expect(query.body == "GET /echo a=1&b", "\(query)")
    #expect(noContent.exitStatus == 0 && noContent.status == 204, "\(noContent)")
    #expect(noContent.headers["content-length"] == nil, "\(noContent)")
  }

  @Test func serverRefusesBadRoutePaths() throws {
    let services = try InteropServerCommand.services()
    func routes(_ paths: String...) -> [HTTPRoute] {
      paths.map { HTTPRoute(path: $0) { _ in .text("") } }
    }
    #expect(throws: HTTPRoute.RegistrationError.invalidPath("metrics")) {
      try Server(configuration: .init(port: 0), services: services, routes: routes("metrics"))
    }
    #expect(throws: HTTPRoute.RegistrationError.invalidPath("/a?b")) {
      try Server(configuration: .init(port: 0), services: services, routes: routes("/a?b"))
    }
    #expect(throws: HTTPRoute.RegistrationError.invalidPath("/a b")) {
      try Server(configuration: .init(port: 0), services: services, routes: routes("/a b"))
    }
    #expect(throws: HTTPRoute.RegistrationError.duplicatePath("/x")) {
      try Server(
        configuration: .init(port: 0), services: services, routes: routes("/x", "/y", "/x"))
    }
    #expect(
      throws: HTTPRoute.RegistrationError.conflictsWithMethod(
        path: "/grpc.testing.TestService/UnaryCall")
    ) {
      try Server(
        configuration: .init(port: 0), services: services,
        routes: routes("/grpc.testing.TestService/UnaryCall"))
    }
  }
}
