import SluiceClient
import SluiceRuntime
import SluiceTestSupport
import Testing

/// ``HTTP2ClientTransport``: a channel with one connection, addressed as a connection is.
@Suite struct HTTP2ClientTransportTests {
  @Test(arguments: ["127.0.0.1", "localhost"])
  func callsReachAHostByAddressOrName(host: String) async throws {
    let server = ScriptedServer(script: answering([3]))
    let port = try await server.start()
    let transport = try HTTP2ClientTransport(target: .host(host, port: port))
    let response = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [3])
    #expect(server.requests.first?.header(":authority") == "\(host):\(port)")
    transport.close()
    await server.stop()
  }

  @Test func callsReachAUnixDomainSocket() async throws {
    let path = try TLSTestPKI.scratchDirectory() + "/t.sock"
    let server = ScriptedServer(script: answering([5]))
    _ = try await server.start(unixSocket: path)
    let transport = try HTTP2ClientTransport(target: .unixDomainSocket(path: path))
    let response = try await transport.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [5])
    transport.close()
    await server.stop()
  }
}
