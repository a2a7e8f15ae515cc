import SluiceTransport
import SluiceTestSupport
import Testing

/// Certificate checks on both sides: mTLS, host names, expiry, trust, and contexts that
/// cannot be built.
@Suite("TLS verification")
struct TLSVerificationTests {
  let pki = TLSTestPKI.shared

  @Test("mTLS: a client certificate from the trusted CA is accepted and identified")
  func mutualTLSAccepted() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(identity: self.pki.client),
      server: self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: true))
    pair.handshake()
    let server = try #require(pair.serverSide.handshake, "\(String(describing: pair.serverSide.error))")
    let peer = try #require(server.peerCertificate)
    #expect(peer.subject == "CN=client-1")
    #expect(peer.serialNumber == self.pki.client.serial)
    #expect(peer.uris == ["spiffe://sluice.test/client-1"])
    try pair.client.writePlaintext(Array("authenticated".utf8))
    pair.pump()
    #expect(pair.serverSide.received == Array("authenticated".utf8))
  }

  @Test("mTLS: a client without a certificate is refused")
  func mutualTLSWithoutCertificate() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(),
      server: self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: true))
    pair.handshake()
    #expect(pair.serverSide.handshake == nil)
    let error = try #require(pair.serverSide.error)
    #expect(error.code == .handshakeFailed)
    #expect(error.message.contains("certificate"))
    // Under TLS 1.3 the client finished first and learns of the refusal from the alert.
    try? pair.client.writePlaintext(Array("anyone there?".utf8))
    pair.pump()
    #expect(pair.clientSide.error?.code == .connectionFailed)
    #expect(pair.serverSide.received.isEmpty)
  }

  @Test("mTLS: a client certificate from another CA is refused")
  func mutualTLSWrongCA() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(identity: self.pki.rogueClient),
      server: self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: true))
    pair.handshake()
    let error = try #require(pair.serverSide.error)
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("unable to get local issuer certificate"))
    #expect(pair.serverSide.handshake == nil)
  }

  @Test("optional mTLS: no certificate is fine, a bad one is not")
  func optionalClientCertificate() throws {
    let server = self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: false)
    let anonymous = try TLSEnginePair(client: self.pki.clientConfiguration(), server: server)
    anonymous.handshake()
    #expect(anonymous.serverSide.handshake != nil)
    #expect(anonymous.serverSide.handshake?.peerCertificate == nil)

    let rogue = try TLSEnginePair(client: self.pki.clientConfiguration(identity: self.pki.rogueClient), server: server)
    rogue.handshake()
    #expect(rogue.serverSide.error?.code == .certificateVerificationFailed)
  }

  @Test("the client refuses a certificate for another host name")
  func hostnameMismatch() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(serverName: "example.com"), server: self.pki.serverConfiguration())
    pair.handshake()
    let error = try #require(pair.clientSide.error)
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("hostname mismatch"))
    #expect(pair.clientSide.handshake == nil)
    #expect(pair.serverSide.handshake == nil)
  }

  @Test("an IP address is checked against IP SANs and overrides per connection")
  func ipAddresses() throws {
    let client = try TLSContext(configuration: self.pki.clientConfiguration(serverName: nil))
    let server = try TLSContext(configuration: self.pki.serverConfiguration())
    let good = try TLSEnginePair(client: client, server: server, serverName: "127.0.0.1")
    good.handshake()
    #expect(good.clientSide.handshake != nil)
    #expect(good.serverSide.handshake?.serverName == nil)

    let bad = try TLSEnginePair(client: client, server: server, serverName: "127.0.0.2")
    bad.handshake()
    #expect(bad.clientSide.error?.code == .certificateVerificationFailed)
    #expect(bad.clientSide.error?.message.contains("IP address mismatch") == true)
  }

  @Test("the client refuses an expired server certificate")
  func expired() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration(self.pki.expiredServer))
    pair.handshake()
    let error = try #require(pair.clientSide.error)
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("certificate has expired"))
  }

  @Test("the client refuses a self-signed server certificate")
  func selfSigned() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration(self.pki.selfSignedServer))
    pair.handshake()
    let error = try #require(pair.clientSide.error)
    #expect(error.code == .certificateVerificationFailed)
    #expect(error.message.contains("self-signed certificate"))
  }

  @Test("the system trust store does not know the test CA")
  func systemTrustStore() throws {
    let pair = try TLSEnginePair(
      client: TLSClientConfiguration(trustRoots: .system, serverName: "localhost"),
      server: self.pki.serverConfiguration())
    pair.handshake()
    #expect(pair.clientSide.error?.code == .certificateVerificationFailed)
  }

  @Test("configurations that cannot become contexts are typed errors naming the problem")
  func invalidConfigurations() {
    func failure(_ build: () throws -> TLSContext) -> TLSError? {
      do {
        _ = try build()
        return nil
      } catch {
        return error as? TLSError
      }
    }
    let missing = failure {
      try TLSContext(
        configuration: TLSServerConfiguration(certificateChainFile: "/nonexistent.pem", privateKeyFile: "/x.key"))
    }
    #expect(missing?.code == .invalidConfiguration)
    #expect(missing?.message.contains("/nonexistent.pem") == true)

    let mismatched = failure {
      try TLSContext(
        configuration: TLSServerConfiguration(
          certificateChainFile: self.pki.server.certificate, privateKeyFile: self.pki.client.key))
    }
    #expect(mismatched?.code == .invalidConfiguration)

    let keyAsCertificate = failure {
      try TLSContext(
        configuration: TLSServerConfiguration(
          certificateChainFile: self.pki.server.key, privateKeyFile: self.pki.server.key))
    }
    #expect(keyAsCertificate?.code == .invalidConfiguration)

    let requireWithoutCA = failure {
      var configuration = self.pki.serverConfiguration()
      configuration.requireClientCertificate = true
      return try TLSContext(configuration: configuration)
    }
    #expect(requireWithoutCA?.code == .invalidConfiguration)

    let emptyProtocol = failure {
      try TLSContext(configuration: self.pki.serverConfiguration(applicationProtocols: [""]))
    }
    #expect(emptyProtocol?.code == .invalidConfiguration)

    let badCiphers = failure {
      var configuration = self.pki.serverConfiguration()
      configuration.cipherList = "NO-SUCH-CIPHER"
      return try TLSContext(configuration: configuration)
    }
    #expect(badCiphers?.code == .invalidConfiguration)

    let certificateWithoutKey = failure {
      try TLSContext(
        configuration: TLSClientConfiguration(
          trustRoots: .certificateFile(self.pki.caCertificate), certificateChainFile: self.pki.client.certificate))
    }
    #expect(certificateWithoutKey?.code == .invalidConfiguration)

    let missingCA = failure {
      try TLSContext(configuration: TLSClientConfiguration(trustRoots: .certificateFile("/nonexistent-ca.pem")))
    }
    #expect(missingCA?.code == .invalidConfiguration)
  }

  @Test("a server context reports the certificate it serves")
  func contextCertificate() throws {
    let context = try TLSContext(configuration: self.pki.serverConfiguration())
    #expect(context.role == .server)
    #expect(context.certificate?.serialNumber == self.pki.server.serial)
    #expect(try TLSContext(configuration: self.pki.clientConfiguration()).certificate == nil)
  }
}
