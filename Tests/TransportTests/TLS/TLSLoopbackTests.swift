import SluiceTestSupport
import Foundation
import NIOCore
import NIOPosix
import SluiceTransport
import Testing

/// `TLSHandler` on real loopback sockets against stock TLS stacks: python's `ssl`
/// module and `openssl s_client` / python as clients of a NIO server, and a python
/// server for a NIO client.
@Suite("TLS loopback")
struct TLSLoopbackTests {
  let pki = TLSTestPKI.shared

  /// Connects with python's ssl module, sends `size` bytes plus a newline, and prints
  /// the ALPN protocol, the version and the server's reply line, then the echo length.
  static let pythonClient = """
    import socket, ssl, sys
    port, ca, alpn, max_version, cert, key, size = sys.argv[1:8]
    context = ssl.create_default_context(cafile=ca)
    context.set_alpn_protocols(alpn.split(","))
    if max_version == "1.2":
        context.maximum_version = ssl.TLSVersion.TLSv1_2
    if cert:
        context.load_cert_chain(cert, key)
    payload = bytes(48 + i % 64 for i in range(int(size))) + b"\\n"
    with socket.create_connection(("127.0.0.1", int(port)), timeout=20) as raw:
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            tls.sendall(payload)
            data = b""
            while True:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                data += chunk
            line, _, echo = data.partition(b"\\n")
            print(tls.selected_alpn_protocol(), tls.version(), line.decode())
            print("echo-ok" if echo == payload else "echo-mismatch %d" % len(echo))
    """

  private func runPython(
    port: Int, alpn: String = "h2", maxVersion: String = "", identity: TLSTestPKI.Identity? = nil, size: Int = 4
  ) throws -> [String] {
    let output = try TLSTestProcessRunner.run(
      "/usr/bin/env",
      [
        "python3", "-c", Self.pythonClient, "\(port)", self.pki.caCertificate, alpn, maxVersion,
        identity?.certificate ?? "", identity?.key ?? "", "\(size)",
      ])
    return output.standardOutput.split(separator: "\n").map(String.init)
  }

  @Test("python's ssl module: h2 over TLS 1.3, then http/1.1 over TLS 1.2")
  func pythonClient() throws {
    let server = try TLSLoopbackServer(store: TLSContextStore(server: self.pki.serverConfiguration()))
    defer { server.shutdown() }

    let h2 = try self.runPython(port: server.port)
    #expect(h2.first == "h2 TLSv1.3 alpn=h2 version=TLSv1.3 peer=none bytes=5")
    #expect(h2.last == "echo-ok")

    let http11 = try self.runPython(port: server.port, alpn: "http/1.1", maxVersion: "1.2")
    #expect(http11.first == "http/1.1 TLSv1.2 alpn=http/1.1 version=TLSv1.2 peer=none bytes=5")
  }

  @Test("python's ssl module: 1 MiB each way")
  func pythonLargePayload() throws {
    let server = try TLSLoopbackServer(store: TLSContextStore(server: self.pki.serverConfiguration()))
    defer { server.shutdown() }
    let lines = try self.runPython(port: server.port, size: 1 << 20)
    #expect(lines.first == "h2 TLSv1.3 alpn=h2 version=TLSv1.3 peer=none bytes=\((1 << 20) + 1)")
    #expect(lines.last == "echo-ok")
  }

  @Test("python's ssl module with a client certificate: the server sees its subject")
  func pythonMutualTLS() throws {
    let server = try TLSLoopbackServer(
      store: TLSContextStore(
        server: self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: true)))
    defer { server.shutdown() }
    let lines = try self.runPython(port: server.port, identity: self.pki.client)
    #expect(lines.first == "h2 TLSv1.3 alpn=h2 version=TLSv1.3 peer=CN=client-1 bytes=5")
  }

  @Test("openssl s_client -alpn h2 verifies the server and gets h2")
  func opensslClient() throws {
    let server = try TLSLoopbackServer(store: TLSContextStore(server: self.pki.serverConfiguration()))
    defer { server.shutdown() }
    let output = try TLSTestProcessRunner.run(
      "/usr/bin/openssl",
      [
        "s_client", "-connect", "127.0.0.1:\(server.port)", "-servername", "localhost", "-CAfile",
        self.pki.caCertificate, "-verify_return_error", "-verify_hostname", "localhost", "-alpn", "h2", "-ign_eof",
      ],
      input: "ping\n")
    #expect(output.standardOutput.contains("ALPN protocol: h2"))
    #expect(output.standardOutput.contains("Verify return code: 0 (ok)"))
    #expect(output.standardOutput.contains("alpn=h2 version=TLSv1.3 peer=none bytes=5"))
  }

  @Test("a plaintext request to the TLS port is closed without a reply; the server keeps serving")
  func garbageThenService() throws {
    let server = try TLSLoopbackServer(store: TLSContextStore(server: self.pki.serverConfiguration()))
    defer { server.shutdown() }
    let script = """
      import socket, sys
      with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20) as raw:
          raw.sendall(b"GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n")
          data = b""
          while True:
              chunk = raw.recv(4096)
              if not chunk:
                  break
              data += chunk
          print("first-byte", data[0] if data else -1)
      """
    let output = try TLSTestProcessRunner.run("/usr/bin/env", ["python3", "-c", script, "\(server.port)"])
    #expect(output.standardOutput == "first-byte -1\n")
    #expect(try self.runPython(port: server.port).last == "echo-ok")
  }

  @Test("a NIO client verifies a python TLS server and negotiates h2")
  func nioClientAgainstPython() throws {
    let script = """
      import socket, ssl, sys
      context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
      context.load_cert_chain(sys.argv[1], sys.argv[2])
      context.set_alpn_protocols(["h2"])
      with socket.create_server(("127.0.0.1", 0)) as listener:
          print(listener.getsockname()[1], flush=True)
          listener.settimeout(20)
          raw, _ = listener.accept()
          with context.wrap_socket(raw, server_side=True) as tls:
              line = b""
              while not line.endswith(b"\\n"):
                  chunk = tls.recv(4096)
                  if not chunk:
                      break
                  line += chunk
              tls.sendall(b"python heard " + line)
              tls.unwrap()
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, self.pki.server.certificate, self.pki.server.key]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer { process.waitUntilExit() }
    var portLine = Data()
    while !portLine.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      portLine.append(chunk)
    }
    let portText = String(decoding: portLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let port = try #require(Int(portText))

    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    defer { try? group.syncShutdownGracefully() }
    let context = try TLSContext(configuration: self.pki.clientConfiguration())
    let collector = ClientCollector()
    let channel = try ClientBootstrap(group: group).channelInitializer { channel in
      channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHandlers([
          TLSHandler(connection: TLSConnection(context: context)), collector,
        ])
      }
    }.connect(host: "127.0.0.1", port: port).wait()
    try channel.writeAndFlush(ByteBuffer(string: "hello from NIO\n")).wait()
    try channel.closeFuture.wait()
    let (summary, reply, errors) = try channel.eventLoop.submit {
      (collector.summary, collector.reply, collector.errors)
    }.wait()
    #expect(summary?.applicationProtocol == "h2")
    #expect(summary?.peerCertificate?.serialNumber == self.pki.server.serial)
    #expect(reply == "python heard hello from NIO\n")
    #expect(errors.isEmpty)
  }

  /// Collects what a client channel received.
  final class ClientCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    var summary: TLSHandshakeSummary?
    var reply = ""
    var errors: [String] = []

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
      if case .handshakeCompleted(let summary) = event as? TLSUserEvent {
        self.summary = summary
      }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      var buffer = self.unwrapInboundIn(data)
      self.reply += buffer.readString(length: buffer.readableBytes) ?? ""
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      self.errors.append("\(error)")
    }
  }
}
