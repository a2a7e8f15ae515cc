internal import COpenSSL

/// One built OpenSSL context (`SSL_CTX`): certificates, trust and policy, shared by
/// every connection made from it.
///
/// A context is immutable once built, so it is safe to share between threads; each
/// `TLSConnection` keeps its context alive, which is what lets `TLSContextStore` swap
/// in a reloaded context while existing connections go on with theirs.
public final class TLSContext: @unchecked Sendable {
  /// Which side of the handshake connections from this context play.
  public enum Role: Sendable, Hashable {
    /// Accepts connections.
    case server
    /// Opens connections.
    case client
  }

  /// Which side of the handshake connections from this context play.
  public let role: Role
  /// This side's own certificate (the leaf of the configured chain), if it has one.
  public let certificate: TLSCertificateInfo?

  /// The `SSL_CTX *`, freed in `deinit`.
  let handle: OpaquePointer
  /// Server: the list ALPN selects from (its address is the callback's `arg`).
  /// Client: the list offered.
  let applicationProtocols: ApplicationProtocolList
  /// Client only: the configuration, for per-connection defaults.
  let clientConfiguration: TLSClientConfiguration?
  /// Client only, when resumption is on: the sessions kept per server name.
  let sessionCache: ClientSessionCache?

  init(
    role: Role,
    handle: OpaquePointer,
    applicationProtocols: ApplicationProtocolList,
    clientConfiguration: TLSClientConfiguration?,
    sessionCache: ClientSessionCache?
  ) {
    self.role = role
    self.handle = handle
    self.applicationProtocols = applicationProtocols
    self.clientConfiguration = clientConfiguration
    self.sessionCache = sessionCache
    self.certificate = SSL_CTX_get0_certificate(handle).map { TLSCertificateInfo(borrowing: $0) }
  }

  deinit {
    SSL_CTX_free(self.handle)
  }

  /// Allocates an `SSL_CTX` with the settings both roles share, runs `configure` on it,
  /// and frees it again if anything throws.
  static func makeHandle(
    method: OpaquePointer?,
    minimumVersion: TLSProtocolVersion,
    cipherList: String,
    groups: String,
    configure: (OpaquePointer) throws(TLSError) -> Void
  ) throws(TLSError) -> OpaquePointer {
    OpenSSLErrorQueue.clear()
    guard let handle = SSL_CTX_new(method) else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "SSL_CTX_new failed")
    }
    do throws(TLSError) {
      try applyCommonSettings(handle, minimumVersion: minimumVersion, cipherList: cipherList, groups: groups)
      try configure(handle)
      return handle
    } catch {
      SSL_CTX_free(handle)
      throw error
    }
  }

  /// Version floor, options HTTP/2 needs, cipher and group preferences, buffer modes,
  /// and a passphrase callback that fails rather than prompting on the terminal.
  private static func applyCommonSettings(
    _ handle: OpaquePointer,
    minimumVersion: TLSProtocolVersion,
    cipherList: String,
    groups: String
  ) throws(TLSError) {
    let floor = minimumVersion == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION
    guard csluice_SSL_CTX_set_min_proto_version(handle, floor) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "cannot set the minimum TLS version")
    }
    _ = SSL_CTX_set_options(
      handle,
      CSLUICE_SSL_OP_ALL | CSLUICE_SSL_OP_NO_COMPRESSION | CSLUICE_SSL_OP_NO_RENEGOTIATION
        | CSLUICE_SSL_OP_CIPHER_SERVER_PREFERENCE)
    guard SSL_CTX_set_cipher_list(handle, cipherList) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "cipher list '\(cipherList)' selects no cipher")
    }
    guard csluice_SSL_CTX_set1_groups_list(handle, groups) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "groups list '\(groups)' is not usable")
    }
    _ = csluice_SSL_CTX_set_mode(
      handle,
      Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS))
    SSL_CTX_set_default_passwd_cb(handle) { _, _, _, _ in 0 }
  }

  /// Loads a certificate chain and its private key and checks that they match.
  static func loadCertificate(_ handle: OpaquePointer, chainFile: String, keyFile: String) throws(TLSError) {
    OpenSSLErrorQueue.clear()
    guard SSL_CTX_use_certificate_chain_file(handle, chainFile) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "certificate chain file '\(chainFile)'")
    }
    guard SSL_CTX_use_PrivateKey_file(handle, keyFile, SSL_FILETYPE_PEM) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "private key file '\(keyFile)'")
    }
    guard SSL_CTX_check_private_key(handle) == 1 else {
      throw OpenSSLErrorQueue.error(
        .invalidConfiguration, "private key '\(keyFile)' does not match certificate '\(chainFile)'")
    }
  }

  /// Loads a PEM file of CA certificates into the context's trust store.
  static func loadTrust(_ handle: OpaquePointer, caFile: String) throws(TLSError) {
    OpenSSLErrorQueue.clear()
    guard SSL_CTX_load_verify_locations(handle, caFile, nil) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "CA file '\(caFile)'")
    }
  }
}
