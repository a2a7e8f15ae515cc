import Foundation
import SluiceServer
import Testing

/// `sluice-interop-server`'s `/metrics` route, with curl over every protocol of the port:
/// HTTP/1.1, h2c, and TLS with ALPN choosing either.
@Suite struct MetricsRouteTests {
  static let prometheusContentType = "text/plain; version=0.0.4; charset=utf-8"

  @Test(arguments: RouteTransport.allCases)
  func metricsCountAnRPC(transport: RouteTransport) async throws {
    let server = try await RouteTestServer.start(tls: transport.usesTLS)
    let rpc = try await RouteCurl.unaryCall(transport, port: server.port)
    let metrics = try await RouteCurl.call(transport, port: server.port, path: "/metrics")
    await server.stop()
    #expect(rpc.status == 200, "\(rpc)")
    #expect(metrics.exitStatus == 0, "\(metrics)")
    #expect(metrics.status == 200, "\(metrics)")
    #expect(metrics.httpVersion == transport.httpVersion, "\(metrics)")
    #expect(metrics.headers["content-type"] == Self.prometheusContentType, "\(metrics)")
    #expect(
      metrics.body.contains(
        #"sluice_rpc_calls_total{method="/grpc.testing.TestService/UnaryCall",code="OK"} 1"#),
      "\(metrics)")
    #expect(metrics.headers["content-length"] == String(metrics.body.utf8.count), "\(metrics)")
  }

  @Test(arguments: RouteTransport.allCases)
  func headGetsTheHeadersOfGET(transport: RouteTransport) async throws {
    let server = try await RouteTestServer.start(tls: transport.usesTLS)
    _ = try await RouteCurl.unaryCall(transport, port: server.port)
    let get = try await RouteCurl.call(transport, port: server.port, path: "/metrics")
    let head = try await RouteCurl.call(
      transport, port: server.port, path: "/metrics", options: ["-I"])
    await server.stop()
    #expect(head.exitStatus == 0 && head.status == 200, "\(head)")
    #expect(head.headers["content-type"] == Self.prometheusContentType, "\(head)")
    // What GET would send, though no body follows (routes_client.py checks the wire).
    #expect(!get.body.isEmpty)
    #expect(head.headers["content-length"] == String(get.body.utf8.count), "\(head) \(get)")
  }

  @Test(arguments: RouteTransport.allCases)
  func postGets405WithAllow(transport: RouteTransport) async throws {
    let server = try await RouteTestServer.start(tls: transport.usesTLS)
    let post = try await RouteCurl.call(
      transport, port: server.port, path: "/metrics", options: ["-d", "x"])
    let put = try await RouteCurl.call(
      transport, port: server.port, path: "/metrics?x=1", options: ["-X", "PUT"])
    await server.stop()
    for response in [post, put] {
      #expect(response.exitStatus == 0 && response.status == 405, "\(response)")
      #expect(response.headers["allow"] == "GET, HEAD", "\(response)")
      // gRPC clients calling the path as a method see it is none.
      #expect(response.headers["grpc-status"] == "12", "\(response)")
    }
  }

  /// Requests for other paths (and other methods than GET and HEAD on them) get what a
  /// server without routes answers, byte for byte.
  @Test(arguments: [RouteTransport.http1, .h2c])
  func otherPathsGetTheRPCLayersAnswer(transport: RouteTransport) async throws {
    let withRoutes = try await RouteTestServer.start()
    let plain = try await TestServer.start()
    let requests: [(path: String, options: [String])] = [
      ("/nope", []),
      ("/metrics/", []),
      ("/metricsx?y", []),
      ("/nope", ["-I"]),
      ("/grpc.testing.TestService/UnaryCall", []),
      ("/grpc.testing.TestService/EmptyCall", ["-d", "{}"]),
    ]
    for request in requests {
      let routed = try await RouteCurl.call(
        transport, port: withRoutes.port, path: request.path, options: request.options)
      let reference = try await RouteCurl.call(
        transport, port: plain.port, path: request.path, options: request.options)
      #expect(routed.status == reference.status && routed.status >= 400, "\(request) \(routed)")
      #expect(routed.body == reference.body, "\(request) \(routed) \(reference)")
      #expect(routed.headers["content-type"] == reference.headers["content-type"], "\(request)")
    }
    // Without routes there is no /metrics or /healthz.
    for path in ["/metrics", "/healthz"] {
      let missing = try await RouteCurl.call(transport, port: plain.port, path: path)
      #expect(missing.status == 404 && missing.body.contains("unimplemented"), "\(missing)")
    }
    await withRoutes.stop()
    await plain.stop()
  }

  /// A route and RPCs take turns on one keep-alive connection; the answer to HEAD carries
  /// no body (the next answer on the connection would be garbled otherwise).
  @Test(arguments: ["http1", "h2"])
  func routesAndRPCsShareAKeepAliveConnection(mode: String) async throws {
    let server = try await RouteTestServer.start()
    let output = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("routes_client.py").path, mode,
      String(server.port),
    ])
    await server.stop()
    let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let answers = json?["answers"] as? [[String: Any]] ?? []
    try #require(answers.count == 6, "\(output.stdout)\(output.stderr)")
    func status(_ index: Int) -> Int? { answers[index]["status"] as? Int }
    func header(_ index: Int, _ name: String) -> String? {
      (answers[index]["headers"] as? [String: String])?[name]
    }
    func bodyBytes(_ index: Int) -> Int? { answers[index]["bodyBytes"] as? Int }
    func countsRPC(_ index: Int) -> Bool { answers[index]["countsRPC"] as? Bool ?? false }
    #expect(json?["connections"] as? Int == 1, "\(output.stdout)")
    // GET /metrics before any call: an empty exposition.
    #expect(status(0) == 200 && header(0, "content-type") == Self.prometheusContentType)
    #expect(!countsRPC(0))
    // The RPC.
    #expect(status(1) == 200 && header(1, "content-type") == "application/json", "\(answers[1])")
    // HEAD: the length GET would have, no body.
    #expect(status(2) == 200 && bodyBytes(2) == 0, "\(answers[2])")
    #expect(header(2, "content-length") == bodyBytes(3).map(String.init), "\(answers)")
    // GET with a query: the same route, now counting the call.
    #expect(status(3) == 200 && countsRPC(3), "\(answers[3])")
    #expect(status(4) == 405 && header(4, "allow") == "GET, HEAD", "\(answers[4])")
    #expect(status(5) == 200 && countsRPC(5), "\(answers[5])")
  }
}
