import SluiceTransport

/// A client and a server `TLSConnection` wired back to back in memory: `pump()` moves
/// ciphertext both ways until neither side has anything left to send, and records
/// what each side saw.
final class TLSEnginePair {
  /// What one side saw.
  struct Side {
    var handshake: TLSHandshakeSummary?
    var received: [UInt8] = []
    var error: TLSError?
    var peerClosed = false
  }

  let client: TLSConnection
  let server: TLSConnection
  private(set) var clientSide = Side()
  private(set) var serverSide = Side()
  /// Deliver ciphertext in pieces of at most this many bytes (to exercise partial records).
  var chunkSize = Int.max

  init(client: TLSContext, server: TLSContext, serverName: String? = nil) throws {
    self.client = try TLSConnection(context: client, serverName: serverName)
    self.server = try TLSConnection(context: server)
  }

  /// Convenience: builds both contexts from configurations.
  convenience init(client: TLSClientConfiguration, server: TLSServerConfiguration) throws {
    try self.init(client: TLSContext(configuration: client), server: TLSContext(configuration: server))
  }

  /// Starts the client's handshake and pumps until quiet.
  func handshake() {
    do {
      try self.client.startHandshake()
    } catch {
      self.clientSide.error = error
    }
    self.pump()
  }

  /// Moves ciphertext both ways until neither side has any left.
  func pump() {
    var moved = true
    while moved {
      moved = false
      var bytes: [UInt8] = []
      if self.client.pullCiphertext(into: &bytes) > 0 {
        moved = true
        Self.deliver(bytes, to: self.server, side: &self.serverSide, chunkSize: self.chunkSize)
      }
      bytes = []
      if self.server.pullCiphertext(into: &bytes) > 0 {
        moved = true
        Self.deliver(bytes, to: self.client, side: &self.clientSide, chunkSize: self.chunkSize)
      }
    }
  }

  private static func deliver(_ bytes: [UInt8], to connection: TLSConnection, side: inout Side, chunkSize: Int) {
    guard side.error == nil else { return }
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + chunkSize)
      do {
        let result = try connection.feedCiphertext(Array(bytes[start..<end]))
        if let handshake = result.handshakeCompleted { side.handshake = handshake }
        side.received += result.plaintext
        side.peerClosed = side.peerClosed || result.peerClosed
      } catch {
        side.error = error
        return
      }
      start = end
    }
  }
}
