internal import COpenSSL

extension TLSContext {
  /// Builds a client context: loads the trust roots and the optional client
  /// certificate now, and sets the ALPN offer. Server certificates are always
  /// verified; host names per connection (`TLSConnection(context:serverName:)`).
  ///
  /// - Throws: `TLSError` with code `invalidConfiguration` naming the file or setting
  ///   that OpenSSL rejected.
  public convenience init(configuration: TLSClientConfiguration) throws(TLSError) {
    guard (configuration.certificateChainFile == nil) == (configuration.privateKeyFile == nil) else {
      throw TLSError(
        code: .invalidConfiguration,
        message: "a client certificate needs both certificateChainFile and privateKeyFile")
    }
    let protocols = try ApplicationProtocolList(configuration.applicationProtocols)
    let sessionCache = configuration.sessionResumption ? ClientSessionCache() : nil
    let handle = try Self.makeHandle(
      method: TLS_client_method(),
      minimumVersion: configuration.minimumVersion,
      cipherList: configuration.cipherList,
      groups: configuration.groups
    ) { handle throws(TLSError) in
      SSL_CTX_set_verify(handle, SSL_VERIFY_PEER, nil)
      switch configuration.trustRoots {
      case .system:
        OpenSSLErrorQueue.clear()
        guard SSL_CTX_set_default_verify_paths(handle) == 1 else {
          throw OpenSSLErrorQueue.error(.invalidConfiguration, "the system trust store")
        }
      case .certificateFile(let caFile):
        try Self.loadTrust(handle, caFile: caFile)
      }
      if let chainFile = configuration.certificateChainFile, let keyFile = configuration.privateKeyFile {
        try Self.loadCertificate(handle, chainFile: chainFile, keyFile: keyFile)
      }
      if !protocols.wire.isEmpty {
        let failed = protocols.wire.withUnsafeBufferPointer {
          SSL_CTX_set_alpn_protos(handle, $0.baseAddress, UInt32($0.count))
        }
        guard failed == 0 else {
          throw OpenSSLErrorQueue.error(.invalidConfiguration, "cannot set the ALPN offer")
        }
      }
      if sessionCache != nil {
        _ = csluice_SSL_CTX_set_session_cache_mode(
          handle, Int(SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE))
        SSL_CTX_sess_set_new_cb(handle, clientSessionCallback)
      }
    }
    self.init(
      role: .client, handle: handle, applicationProtocols: protocols, clientConfiguration: configuration,
      sessionCache: sessionCache)
  }
}
