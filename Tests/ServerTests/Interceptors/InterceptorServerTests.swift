import Foundation
import SluiceRuntime
import SluiceServer
import Synchronization
import Testing

/// Interceptors on a real server, called by grpcio: a logging interceptor and a
/// bearer-token interceptor binding the principal for the handlers.
@Suite struct InterceptorServerTests {
  final class Lines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
  }

  /// A server on 127.0.0.1:0 serving ``PrincipalEchoService`` behind `interceptors`.
  private func startServer(_ interceptors: [any ServerInterceptor]) async throws
    -> (Server, Int)
  {
    let server = try Server(
      configuration: ServerConfiguration(port: 0), services: [PrincipalEchoService()],
      interceptors: interceptors)
    let (_, port) = try await server.start()
    return (server, port)
  }

  @Test func bearerTokensGuardAServerCalledByGrpcio() async throws {
    let log = Lines()
    let auth = BearerTokenServerInterceptor(binding: TestPrincipal.$name) { token, _ in
      token == "alice-token" ? "alice" : nil
    }
    let (server, port) = try await startServer([LoggingServerInterceptor { log.append($0) }, auth])
    let output = try await runProcess([
      "python3", TestServer.fixtures.appendingPathComponent("interceptors_auth_client.py").path,
      "--port", String(port),
    ])
    await server.shutdown(gracePeriod: .seconds(1))
    let transcript = output.stdout + output.stderr
    #expect(output.status == 0, "\(transcript)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "unary-no-token UNAUTHENTICATED principal=- messages=0 details=missing bearer token",
        "unary-wrong-token UNAUTHENTICATED principal=- messages=0 details=invalid bearer token",
        "unary-malformed UNAUTHENTICATED principal=- messages=0"
          + " details=the authorization header is not \"Bearer <token>\"",
        "unary-token OK principal=alice messages=1 details=",
        "stream-no-token UNAUTHENTICATED principal=- messages=0 details=missing bearer token",
        "stream-token OK principal=alice messages=2 details=",
      ], "\(transcript)")

    let logged = log.all
    let statuses = logged.map { line in
      line.split(separator: " ").first { $0.hasPrefix("status=") } ?? ""
    }
    #expect(
      statuses == [
        "status=UNAUTHENTICATED", "status=UNAUTHENTICATED", "status=UNAUTHENTICATED",
        "status=OK", "status=UNAUTHENTICATED", "status=OK",
      ], "\(logged)")
    #expect(logged.allSatisfy { $0.contains(" peer=ipv4:127.0.0.1:") }, "\(logged)")
    #expect(
      logged.first?.hasPrefix("method=/grpc.testing.TestService/EmptyCall ") == true,
      "\(logged)")
    #expect(
      logged.last?.hasPrefix("method=/grpc.testing.TestService/StreamingOutputCall ") == true,
      "\(logged)")
  }
}
