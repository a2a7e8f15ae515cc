import Foundation
import SluiceTestSupport

/// How a route test reaches the server's one port.
enum RouteTransport: String, CaseIterable, Sendable {
  case http1
  case h2c
  /// TLS with ALPN choosing `http/1.1`.
  case tlsHTTP1
  /// TLS with ALPN choosing `h2`.
  case tlsH2

  var usesTLS: Bool { self == .tlsHTTP1 || self == .tlsH2 }

  /// The HTTP version curl reports (`%{http_version}`).
  var httpVersion: String { self == .http1 || self == .tlsHTTP1 ? "1.1" : "2" }

  var curlOptions: [String] {
    switch self {
    case .http1: ["--http1.1"]
    case .h2c: ["--http2-prior-knowledge"]
    case .tlsHTTP1: ["--http1.1", "--cacert", TLSTestPKI.shared.caCertificate]
    case .tlsH2: ["--http2", "--cacert", TLSTestPKI.shared.caCertificate]
    }
  }

  func url(port: Int, path: String) -> String {
    usesTLS ? "https://localhost:\(port)\(path)" : "http://127.0.0.1:\(port)\(path)"
  }
}

/// curl against a route test server, the response head and body kept apart.
enum RouteCurl {
  struct Response: CustomStringConvertible {
    var exitStatus: Int32
    var status: Int
    var httpVersion: String
    /// Header names lowercased; the last value of each.
    var headers: [String: String]
    var body: String
    var stderr: String

    var description: String {
      "exit \(exitStatus), HTTP/\(httpVersion) \(status), \(headers), \(body.prefix(300)) \(stderr)"
    }
  }

  /// Requests `path` over `transport` with curl's extra `options` (`-I` for HEAD, `-d`
  /// for POST ...).
  static func call(
    _ transport: RouteTransport, port: Int, path: String, options: [String] = []
  ) async throws -> Response {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-routes-curl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let headFile = directory.appendingPathComponent("head")
    let bodyFile = directory.appendingPathComponent("body")
    let output = try await runProcess(
      [
        "curl", "-sS", "--max-time", "20", "-D", headFile.path, "-o", bodyFile.path,
        "-w", "%{http_code} %{http_version}",
      ] + transport.curlOptions + options + [transport.url(port: port, path: path)])
    var headers: [String: String] = [:]
    let head = (try? String(contentsOf: headFile, encoding: .utf8)) ?? ""
    for line in head.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let written = output.stdout.split(separator: " ")
    return Response(
      exitStatus: output.status, status: Int(written.first ?? "") ?? 0,
      httpVersion: written.count > 1 ? String(written[1]) : "",
      headers: headers,
      body: (try? String(contentsOf: bodyFile, encoding: .utf8)) ?? "", stderr: output.stderr)
  }

  /// A Connect JSON unary call of the interop service's `UnaryCall`.
  static func unaryCall(_ transport: RouteTransport, port: Int) async throws -> Response {
    try await call(
      transport, port: port, path: "/grpc.testing.TestService/UnaryCall",
      options: ["-H", "content-type: application/json", "-d", #"{"responseSize": 3}"#])
  }
}
