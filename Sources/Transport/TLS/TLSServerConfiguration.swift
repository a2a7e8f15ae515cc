/// What a TLS server context is built from: files on disk plus policy.
///
/// The files are read when a context is built (`TLSContext(configuration:)`,
/// `TLSContextStore.reload()`), so replacing them and reloading serves the new ones
/// without a restart.
public struct TLSServerConfiguration: Sendable, Hashable {
  /// PEM file with the server certificate first, then any intermediates.
  public var certificateChainFile: String
  /// PEM file with the certificate's private key (unencrypted).
  public var privateKeyFile: String
  /// PEM file of CA certificates that client certificates are checked against; `nil`
  /// turns client certificates (mTLS) off.
  public var clientCAFile: String?
  /// Whether a client without a certificate is refused. Needs `clientCAFile`. When
  /// `false` and a CA file is set, a client certificate is optional but, if sent, must
  /// verify.
  public var requireClientCertificate: Bool
  /// ALPN protocols in server preference order. The first one the client also offers
  /// is selected; with no overlap the handshake goes on without ALPN (the client then
  /// speaks HTTP/1.1 by RFC 7301's rules).
  public var applicationProtocols: [String]
  /// The oldest protocol version accepted.
  public var minimumVersion: TLSProtocolVersion
  /// OpenSSL cipher list for TLS 1.2 (TLS 1.3 uses OpenSSL's default suites).
  public var cipherList: String
  /// Key-exchange groups in preference order.
  public var groups: String
  /// Whether TLS session tickets are issued, so clients can resume sessions.
  public var sessionTickets: Bool

  /// Forward-secret AEAD suites only, as HTTP/2 requires (RFC 9113 §9.2.2).
  public static let defaultCipherList =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"
  /// X25519 first, then the NIST curves.
  public static let defaultGroups = "X25519:P-256:P-384"

  /// Creates a configuration; every policy argument has the recommended default.
  public init(
    certificateChainFile: String,
    privateKeyFile: String,
    clientCAFile: String? = nil,
    requireClientCertificate: Bool = false,
    applicationProtocols: [String] = ["h2", "http/1.1"],
    minimumVersion: TLSProtocolVersion = .tls12,
    cipherList: String = TLSServerConfiguration.defaultCipherList,
    groups: String = TLSServerConfiguration.defaultGroups,
    sessionTickets: Bool = true
  ) {
    self.certificateChainFile = certificateChainFile
    self.privateKeyFile = privateKeyFile
    self.clientCAFile = clientCAFile
    self.requireClientCertificate = requireClientCertificate
    self.applicationProtocols = applicationProtocols
    self.minimumVersion = minimumVersion
    self.cipherList = cipherList
    self.groups = groups
    self.sessionTickets = sessionTickets
  }

  /// The files a context is built from, for a reload trigger to watch.
  public var files: [String] {
    [self.certificateChainFile, self.privateKeyFile] + (self.clientCAFile.map { [$0] } ?? [])
  }
}
