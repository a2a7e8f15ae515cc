internal import COpenSSL

extension TLSContext {
  /// Builds a server context: reads the certificate chain, key and (for mTLS) client
  /// CA file now, and installs ALPN selection over `applicationProtocols`.
  ///
  /// - Throws: `TLSError` with code `invalidConfiguration` naming the file or setting
  ///   that OpenSSL rejected.
  public convenience init(configuration: TLSServerConfiguration) throws(TLSError) {
    if configuration.requireClientCertificate && configuration.clientCAFile == nil {
      throw TLSError(
        code: .invalidConfiguration, message: "requireClientCertificate needs a clientCAFile to check against")
    }
    let protocols = try ApplicationProtocolList(configuration.applicationProtocols)
    let handle = try Self.makeHandle(
      method: TLS_server_method(),
      minimumVersion: configuration.minimumVersion,
      cipherList: configuration.cipherList,
      groups: configuration.groups
    ) { handle throws(TLSError) in
      try Self.loadCertificate(
        handle, chainFile: configuration.certificateChainFile, keyFile: configuration.privateKeyFile)
      if let caFile = configuration.clientCAFile {
        try Self.requestClientCertificates(
          handle, caFile: caFile, required: configuration.requireClientCertificate)
      }
      // Sessions (IDs and tickets) are only resumed by contexts with the same ID
      // context; OpenSSL refuses to resume a verified-peer session without one.
      let sessionContext = Array("sluice".utf8)
      _ = SSL_CTX_set_session_id_context(handle, sessionContext, UInt32(sessionContext.count))
      if !configuration.sessionTickets {
        _ = SSL_CTX_set_options(handle, CSLUICE_SSL_OP_NO_TICKET)
      }
      if !protocols.wire.isEmpty {
        SSL_CTX_set_alpn_select_cb(
          handle, applicationProtocolSelectCallback, Unmanaged.passUnretained(protocols).toOpaque())
      }
    }
    self.init(
      role: .server, handle: handle, applicationProtocols: protocols, clientConfiguration: nil,
      sessionCache: nil)
  }

  /// Asks clients for a certificate issued by a CA in `caFile` (whose subjects are
  /// also sent as the acceptable-CA hint) and verifies any certificate sent.
  private static func requestClientCertificates(
    _ handle: OpaquePointer, caFile: String, required: Bool
  ) throws(TLSError) {
    try loadTrust(handle, caFile: caFile)
    OpenSSLErrorQueue.clear()
    guard let names = SSL_load_client_CA_file(caFile) else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "client CA file '\(caFile)' holds no certificate")
    }
    SSL_CTX_set_client_CA_list(handle, names)
    let mode = SSL_VERIFY_PEER | (required ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0)
    SSL_CTX_set_verify(handle, mode, nil)
  }
}
