import SluiceTransport
import SluiceTestSupport
import Testing

/// The engine's handshake, client against server in memory: ALPN, versions, what each
/// side learns of the other, resumption, and garbage in place of a ClientHello.
@Suite("TLS handshake")
struct TLSHandshakeTests {
  let pki = TLSTestPKI.shared

  @Test("client and server negotiate h2 over TLS 1.3 and see each other")
  func negotiatesH2() throws {
    let pair = try TLSEnginePair(client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration())
    pair.handshake()
    let client = try #require(pair.clientSide.handshake, "client error: \(String(describing: pair.clientSide.error))")
    let server = try #require(pair.serverSide.handshake, "server error: \(String(describing: pair.serverSide.error))")
    #expect(client.applicationProtocol == "h2")
    #expect(server.applicationProtocol == "h2")
    #expect(client.protocolVersion == .tls13)
    #expect(client.cipherSuite.hasPrefix("TLS_"))
    #expect(server.serverName == "localhost")
    #expect(server.peerCertificate == nil)

    let certificate = try #require(client.peerCertificate)
    #expect(certificate.subject == "CN=localhost")
    #expect(certificate.issuer == "CN=Sluice Test CA")
    #expect(certificate.serialNumber == self.pki.server.serial)
    #expect(certificate.dnsNames == ["localhost"])
    #expect(certificate.ipAddresses == ["127.0.0.1"])
    #expect(certificate.notValidBefore < certificate.notValidAfter)
    #expect(certificate.derEncoded.first == 0x30)
    #expect(pair.client.isHandshakeComplete && pair.server.isHandshakeComplete)
  }

  @Test("a client offering only http/1.1 gets http/1.1")
  func fallsBackToHTTP11() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(applicationProtocols: ["http/1.1"]),
      server: self.pki.serverConfiguration())
    pair.handshake()
    #expect(pair.clientSide.handshake?.applicationProtocol == "http/1.1")
    #expect(pair.serverSide.handshake?.applicationProtocol == "http/1.1")
  }

  @Test("the server's preference order wins")
  func serverPreferenceWins() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(applicationProtocols: ["http/1.1", "h2"]),
      server: self.pki.serverConfiguration())
    pair.handshake()
    #expect(pair.serverSide.handshake?.applicationProtocol == "h2")
  }

  @Test("no common protocol: the handshake goes on without ALPN unless the client requires it")
  func noOverlap() throws {
    let lenient = try TLSEnginePair(
      client: self.pki.clientConfiguration(applicationProtocols: ["spdy/3"], requireApplicationProtocol: false),
      server: self.pki.serverConfiguration())
    lenient.handshake()
    #expect(lenient.clientSide.handshake != nil && lenient.clientSide.handshake?.applicationProtocol == nil)
    #expect(lenient.serverSide.handshake != nil && lenient.serverSide.handshake?.applicationProtocol == nil)

    let strict = try TLSEnginePair(
      client: self.pki.clientConfiguration(applicationProtocols: ["h2"]),
      server: self.pki.serverConfiguration(applicationProtocols: ["http/1.1"]))
    strict.handshake()
    #expect(strict.clientSide.handshake == nil)
    #expect(strict.clientSide.error?.code == .noApplicationProtocol)
    #expect(throws: TLSError.self) { try strict.client.writePlaintext([1, 2, 3]) }
  }

  @Test("a client without ALPN gets no protocol and the server decides")
  func clientWithoutALPN() throws {
    let pair = try TLSEnginePair(
      client: self.pki.clientConfiguration(applicationProtocols: []), server: self.pki.serverConfiguration())
    pair.handshake()
    #expect(pair.serverSide.handshake != nil)
    #expect(pair.serverSide.handshake?.applicationProtocol == nil)
  }

  @Test("ciphertext delivered one byte at a time still completes the handshake")
  func byteByByte() throws {
    let pair = try TLSEnginePair(client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration())
    pair.chunkSize = 1
    pair.handshake()
    #expect(pair.clientSide.handshake?.applicationProtocol == "h2")
    #expect(pair.serverSide.handshake?.applicationProtocol == "h2")
    try pair.client.writePlaintext(Array("hello".utf8))
    pair.pump()
    #expect(pair.serverSide.received == Array("hello".utf8))
  }

  @Test("a second connection to the same name resumes the session from a ticket")
  func resumesSessions() throws {
    let clientContext = try TLSContext(configuration: self.pki.clientConfiguration())
    let serverContext = try TLSContext(configuration: self.pki.serverConfiguration())

    let first = try TLSEnginePair(client: clientContext, server: serverContext)
    first.handshake()
    #expect(first.clientSide.handshake?.sessionReused == false)

    let second = try TLSEnginePair(client: clientContext, server: serverContext)
    second.handshake()
    let resumed = try #require(second.clientSide.handshake)
    #expect(resumed.sessionReused)
    #expect(second.serverSide.handshake?.sessionReused == true)
    #expect(resumed.applicationProtocol == "h2")
    #expect(resumed.peerCertificate?.serialNumber == self.pki.server.serial)
  }

  @Test("garbage instead of a ClientHello is a typed handshake error, and stays one")
  func garbageClientHello() throws {
    let server = try TLSConnection(context: TLSContext(configuration: self.pki.serverConfiguration()))
    let request = Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
    let error = try #require(throws: TLSError.self) { try server.feedCiphertext(request) }
    #expect(error.code == .handshakeFailed)
    #expect(!error.message.isEmpty)
    let again = try #require(throws: TLSError.self) { try server.feedCiphertext([0x16, 0x03, 0x01]) }
    #expect(again == error)
    #expect(throws: TLSError.self) { try server.writePlaintext([1]) }

    let random = try TLSConnection(context: TLSContext(configuration: self.pki.serverConfiguration()))
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    #expect(throws: TLSError.self) { try random.feedCiphertext([0x16, 0x03, 0x01, 0x00, 0x20] + noise) }
  }

  @Test("TLS records are told from HTTP by their first bytes")
  func detectsRecords() {
    #expect(TLSRecordDetector.classify([0x16, 0x03, 0x01, 0x02, 0x00]) == .tls)
    #expect(TLSRecordDetector.classify([0x16, 0x03]) == .needMoreBytes)
    #expect(TLSRecordDetector.classify([UInt8]()) == .needMoreBytes)
    #expect(TLSRecordDetector.classify(Array("PRI * HTTP/2.0".utf8)) == .plaintext)
    #expect(TLSRecordDetector.classify(Array("GET / HTTP/1.1".utf8)) == .plaintext)
    #expect(TLSRecordDetector.classify([0x16, 0x47, 0x45]) == .plaintext)
  }
}
