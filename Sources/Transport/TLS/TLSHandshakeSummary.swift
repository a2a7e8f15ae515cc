/// What a completed handshake settled.
///
/// On a server with mTLS, `peerCertificate` is the verified client certificate: the
/// identity to hand to interceptors as the call's authentication context.
public struct TLSHandshakeSummary: Sendable, Hashable {
  /// The protocol ALPN selected (`h2`, `http/1.1`), or `nil` when none was.
  public var applicationProtocol: String?
  /// The negotiated protocol version.
  public var protocolVersion: TLSProtocolVersion
  /// The cipher suite's OpenSSL name, as in `TLS_AES_128_GCM_SHA256`.
  public var cipherSuite: String
  /// The SNI host name: the one the client asked for (server side) or sent (client side).
  public var serverName: String?
  /// The peer's verified certificate: the server's (client side), the client's if it
  /// sent one (server side).
  public var peerCertificate: TLSCertificateInfo?
  /// Whether an earlier session was resumed instead of a full handshake.
  public var sessionReused: Bool

  /// Creates a summary from its parts.
  public init(
    applicationProtocol: String?,
    protocolVersion: TLSProtocolVersion,
    cipherSuite: String,
    serverName: String?,
    peerCertificate: TLSCertificateInfo?,
    sessionReused: Bool
  ) {
    self.applicationProtocol = applicationProtocol
    self.protocolVersion = protocolVersion
    self.cipherSuite = cipherSuite
    self.serverName = serverName
    self.peerCertificate = peerCertificate
    self.sessionReused = sessionReused
  }
}
