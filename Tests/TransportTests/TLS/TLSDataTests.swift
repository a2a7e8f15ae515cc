import SluiceTransport
import SluiceTestSupport
import Testing

/// Application data through a completed handshake, and shutting down.
@Suite("TLS data")
struct TLSDataTests {
  let pki = TLSTestPKI.shared

  private func connectedPair() throws -> TLSEnginePair {
    let pair = try TLSEnginePair(client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration())
    pair.handshake()
    try #require(pair.clientSide.handshake != nil && pair.serverSide.handshake != nil)
    return pair
  }

  @Test("data flows both ways")
  func bothWays() throws {
    let pair = try self.connectedPair()
    try pair.client.writePlaintext(Array("ping".utf8))
    pair.pump()
    #expect(pair.serverSide.received == Array("ping".utf8))
    try pair.server.writePlaintext(Array("pong".utf8))
    pair.pump()
    #expect(pair.clientSide.received == Array("pong".utf8))
  }

  @Test("1 MiB each way arrives intact")
  func largePayloads() throws {
    let pair = try self.connectedPair()
    let upload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let download = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 3) }
    try pair.client.writePlaintext(upload)
    try pair.server.writePlaintext(download)
    pair.pump()
    #expect(pair.serverSide.received.count == upload.count)
    #expect(pair.serverSide.received == upload)
    #expect(pair.clientSide.received == download)
  }

  @Test("writes before the handshake completes are sent once it does")
  func writesBeforeHandshake() throws {
    let pair = try TLSEnginePair(client: self.pki.clientConfiguration(), server: self.pki.serverConfiguration())
    try pair.client.writePlaintext(Array("early".utf8))
    try pair.server.writePlaintext(Array("eager".utf8))
    pair.handshake()
    #expect(pair.serverSide.received == Array("early".utf8))
    #expect(pair.clientSide.received == Array("eager".utf8))
  }

  @Test("readPlaintext works into a small buffer")
  func smallReads() throws {
    let pair = try self.connectedPair()
    try pair.client.writePlaintext(Array("0123456789".utf8))
    var ciphertext: [UInt8] = []
    pair.client.pullCiphertext(into: &ciphertext)
    let completed = try ciphertext.withUnsafeBytes { try pair.server.receiveCiphertext($0) }
    #expect(completed == nil)
    var collected: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 3)
    reading: while true {
      let result = try buffer.withUnsafeMutableBytes { try pair.server.readPlaintext(into: $0) }
      switch result {
      case .bytes(let count): collected += buffer[..<count]
      case .needsMoreCiphertext, .closed: break reading
      }
    }
    #expect(collected == Array("0123456789".utf8))
  }

  @Test("close_notify reaches the peer, and writes after shutdown fail")
  func closeNotify() throws {
    let pair = try self.connectedPair()
    try pair.client.writePlaintext(Array("last words".utf8))
    try pair.client.shutdown()
    try pair.client.shutdown()
    #expect(pair.client.isShutDown)
    pair.pump()
    #expect(pair.serverSide.received == Array("last words".utf8))
    #expect(pair.serverSide.peerClosed)
    #expect(pair.server.peerClosed)

    var byte: [UInt8] = [0]
    let read = try byte.withUnsafeMutableBytes { try pair.server.readPlaintext(into: $0) }
    #expect(read == .closed)
    let error = try #require(throws: TLSError.self) { try pair.client.writePlaintext([1]) }
    #expect(error.code == .closed)

    try pair.server.writePlaintext(Array("bye".utf8))
    try pair.server.shutdown()
    pair.pump()
    #expect(pair.clientSide.received == Array("bye".utf8))
    #expect(pair.clientSide.peerClosed)
  }

  @Test("shutting down before the handshake sends nothing")
  func shutdownBeforeHandshake() throws {
    let client = try TLSConnection(context: TLSContext(configuration: self.pki.clientConfiguration()))
    try client.shutdown()
    #expect(client.pendingCiphertextCount == 0)
    try client.startHandshake()
    #expect(client.pendingCiphertextCount == 0)
  }
}
