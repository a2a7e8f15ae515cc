/// What `TLSConnection.feedCiphertext(_:)` produced from one batch of ciphertext.
public struct TLSFeedResult: Sendable, Hashable {
  /// The handshake's outcome, on the call that completed it.
  public var handshakeCompleted: TLSHandshakeSummary?
  /// All plaintext the batch decrypted to.
  public var plaintext: [UInt8]
  /// Whether the peer sent close_notify.
  public var peerClosed: Bool

  /// Creates a result from its parts.
  public init(handshakeCompleted: TLSHandshakeSummary? = nil, plaintext: [UInt8] = [], peerClosed: Bool = false) {
    self.handshakeCompleted = handshakeCompleted
    self.plaintext = plaintext
    self.peerClosed = peerClosed
  }
}
