/// What a TLS client context is built from.
public struct TLSClientConfiguration: Sendable, Hashable {
  /// Where the certificates that server certificates must chain to come from.
  public enum TrustRoots: Sendable, Hashable {
    /// The operating system's store (OpenSSL's default paths, `/etc/ssl/certs` on Debian).
    case system
    /// A PEM file of CA certificates; only these are trusted.
    case certificateFile(String)
  }

  /// The CAs server certificates are checked against.
  public var trustRoots: TrustRoots
  /// The host name sent as SNI and checked against the server certificate's names
  /// (an IP address is checked against its IP SANs and not sent as SNI). A connection
  /// may override it. `nil` checks the chain only, not the name.
  public var serverName: String?
  /// PEM file with the client certificate (then intermediates) for mTLS.
  public var certificateChainFile: String?
  /// PEM file with the client certificate's private key; set with `certificateChainFile`.
  public var privateKeyFile: String?
  /// ALPN protocols offered, in preference order.
  public var applicationProtocols: [String]
  /// Whether a handshake in which the server selects no ALPN protocol fails with
  /// `TLSError.Code.noApplicationProtocol` (gRPC needs `h2`).
  public var requireApplicationProtocol: Bool
  /// The oldest protocol version accepted.
  public var minimumVersion: TLSProtocolVersion
  /// OpenSSL cipher list for TLS 1.2 (TLS 1.3 uses OpenSSL's default suites).
  public var cipherList: String
  /// Key-exchange groups in preference order.
  public var groups: String
  /// Whether sessions are kept (one per server name) and offered again to resume.
  public var sessionResumption: Bool

  /// Creates a configuration; every policy argument has the recommended default.
  public init(
    trustRoots: TrustRoots = .system,
    serverName: String? = nil,
    certificateChainFile: String? = nil,
    privateKeyFile: String? = nil,
    applicationProtocols: [String] = ["h2"],
    requireApplicationProtocol: Bool = true,
    minimumVersion: TLSProtocolVersion = .tls12,
    cipherList: String = TLSServerConfiguration.defaultCipherList,
    groups: String = TLSServerConfiguration.defaultGroups,
    sessionResumption: Bool = true
  ) {
    self.trustRoots = trustRoots
    self.serverName = serverName
    self.certificateChainFile = certificateChainFile
    self.privateKeyFile = privateKeyFile
    self.applicationProtocols = applicationProtocols
    self.requireApplicationProtocol = requireApplicationProtocol
    self.minimumVersion = minimumVersion
    self.cipherList = cipherList
    self.groups = groups
    self.sessionResumption = sessionResumption
  }

  /// The files a context is built from, for a reload trigger to watch.
  public var files: [String] {
    var files: [String] = []
    if case .certificateFile(let path) = self.trustRoots { files.append(path) }
    if let certificateChainFile { files.append(certificateChainFile) }
    if let privateKeyFile { files.append(privateKeyFile) }
    return files
  }
}
