internal import COpenSSL

/// One TLS connection as a pure engine over OpenSSL memory BIOs: ciphertext in,
/// plaintext out, plaintext in, ciphertext out. No sockets, no threads, no clocks.
///
/// The caller moves bytes: hand what arrived from the peer to `receiveCiphertext(_:)`
/// (or `feedCiphertext(_:)`), take decrypted data with `readPlaintext(into:)`, hand
/// application data to `writePlaintext(_:)`, and after every call send whatever
/// `pullCiphertext(into:)` yields. A client starts with `startHandshake()`.
///
/// The engine owns its `SSL *` (freed in `deinit`) and keeps its `TLSContext` alive. It
/// is not thread-safe: one connection belongs to one thread (an event loop) at a time.
/// After any thrown error the connection is failed for good; the alert OpenSSL queued
/// for the peer is still there to pull and send.
public final class TLSConnection {
  /// The context this connection was made from.
  public let context: TLSContext
  /// The handshake's outcome, once it completed.
  public private(set) var handshake: TLSHandshakeSummary?
  /// Whether the peer sent close_notify.
  public private(set) var peerClosed = false
  /// Whether this side shut down (close_notify queued, or nothing to say yet).
  public private(set) var isShutDown = false

  /// Client only: the name sessions are kept under.
  let sessionKey: String

  private let ssl: OpaquePointer
  private let readBIO: OpaquePointer
  private let writeBIO: OpaquePointer
  /// Plaintext accepted before the handshake finished (or that OpenSSL asked to retry).
  private var pendingPlaintext: [UInt8] = []
  private var failure: TLSError?
  private let requireApplicationProtocol: Bool

  /// Creates a connection from `context`.
  ///
  /// - Parameter serverName: Client only: the host name to send as SNI and to verify
  ///   the server certificate against (an IP address is verified against IP SANs and
  ///   not sent); defaults to the configuration's `serverName`. Ignored by servers.
  /// - Throws: `TLSError` when OpenSSL cannot allocate the connection or rejects the name.
  public init(context: TLSContext, serverName: String? = nil) throws(TLSError) {
    OpenSSLErrorQueue.clear()
    guard let ssl = SSL_new(context.handle) else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "SSL_new failed")
    }
    guard let readBIO = BIO_new(BIO_s_mem()) else {
      SSL_free(ssl)
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "BIO_new failed")
    }
    guard let writeBIO = BIO_new(BIO_s_mem()) else {
      BIO_free(readBIO)
      SSL_free(ssl)
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "BIO_new failed")
    }
    SSL_set_bio(ssl, readBIO, writeBIO)

    let name = serverName ?? context.clientConfiguration?.serverName
    switch context.role {
    case .server:
      SSL_set_accept_state(ssl)
    case .client:
      SSL_set_connect_state(ssl)
      do throws(TLSError) {
        try Self.applyServerName(name, to: ssl)
      } catch {
        SSL_free(ssl)
        throw error
      }
      if let session = context.sessionCache?.session(for: name ?? "") {
        _ = SSL_set_session(ssl, session.handle)
      }
    }

    self.context = context
    self.ssl = ssl
    self.readBIO = readBIO
    self.writeBIO = writeBIO
    self.sessionKey = name ?? ""
    self.requireApplicationProtocol =
      context.clientConfiguration.map { $0.requireApplicationProtocol && !$0.applicationProtocols.isEmpty }
      ?? false
    _ = SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(self).toOpaque())
  }

  deinit {
    SSL_free(self.ssl)
  }

  /// Whether the handshake has completed.
  public var isHandshakeComplete: Bool {
    self.handshake != nil
  }

  /// Starts the handshake: a client queues its ClientHello; a server has nothing to
  /// say until the ClientHello arrives. Calling it again does nothing.
  public func startHandshake() throws(TLSError) {
    if let failure { throw failure }
    guard self.handshake == nil, !self.isShutDown else { return }
    _ = try self.advanceHandshake()
  }

  /// Takes ciphertext the peer sent and moves the handshake on.
  ///
  /// - Returns: The handshake's outcome on the call that completes it, else `nil`.
  ///   Decrypted data is then waiting for `readPlaintext(into:)`.
  /// - Throws: `TLSError` when the handshake fails (the peer's bytes are not TLS, no
  ///   common parameters, a certificate does not verify); pull and send the alert.
  public func receiveCiphertext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) -> TLSHandshakeSummary? {
    if let failure { throw failure }
    guard !self.peerClosed else { return nil }
    var offset = 0
    while offset < bytes.count {
      let chunk = Int32(clamping: bytes.count - offset)
      let written = BIO_write(self.readBIO, bytes.baseAddress! + offset, chunk)
      guard written > 0 else {
        throw self.fail(OpenSSLErrorQueue.error(.connectionFailed, "cannot buffer received ciphertext"))
      }
      offset += Int(written)
    }
    guard self.handshake == nil, !self.isShutDown else { return nil }
    return try self.advanceHandshake()
  }

  /// Decrypts into `buffer` (which must not be empty) as much as is available.
  ///
  /// Call it until it returns something other than `.bytes`. While the handshake is
  /// running it returns `.needsMoreCiphertext`.
  /// - Throws: `TLSError` with code `connectionFailed` when a record does not decrypt or
  ///   the peer sent a fatal alert.
  public func readPlaintext(into buffer: UnsafeMutableRawBufferPointer) throws(TLSError) -> TLSReadResult {
    precondition(!buffer.isEmpty, "readPlaintext needs room for at least one byte")
    if let failure { throw failure }
    if self.peerClosed { return .closed }
    guard self.handshake != nil else { return .needsMoreCiphertext }
    OpenSSLErrorQueue.clear()
    var count = 0
    let result = SSL_read_ex(self.ssl, buffer.baseAddress, buffer.count, &count)
    if result == 1 { return .bytes(count) }
    switch SSL_get_error(self.ssl, result) {
    case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
      return .needsMoreCiphertext
    case SSL_ERROR_ZERO_RETURN:
      self.peerClosed = true
      return .closed
    default:
      throw self.fail(OpenSSLErrorQueue.error(.connectionFailed, "reading from the peer failed"))
    }
  }

  /// Encrypts `bytes` for the peer. Before the handshake completes the bytes are held
  /// and encrypted as soon as it does.
  ///
  /// - Throws: `TLSError` with code `closed` after `shutdown()` or a failure.
  public func writePlaintext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) {
    if let failure { throw TLSError(code: .closed, message: "the connection failed: \(failure.message)") }
    guard !self.isShutDown else {
      throw TLSError(code: .closed, message: "the connection was shut down")
    }
    guard !bytes.isEmpty else { return }
    if self.handshake == nil || !self.pendingPlaintext.isEmpty {
      self.pendingPlaintext.append(contentsOf: bytes)
      if self.handshake != nil { try self.writePendingPlaintext() }
      return
    }
    let written = try self.write(bytes)
    if written < bytes.count {
      self.pendingPlaintext.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[written...]))
    }
  }

  /// How many ciphertext bytes are waiting to be sent.
  public var pendingCiphertextCount: Int {
    Int(BIO_ctrl_pending(self.writeBIO))
  }

  /// Moves up to `buffer.count` waiting ciphertext bytes into `buffer`.
  ///
  /// - Returns: The number of bytes moved.
  public func pullCiphertext(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard !buffer.isEmpty else { return 0 }
    let read = BIO_read(self.writeBIO, buffer.baseAddress, Int32(clamping: buffer.count))
    return max(0, Int(read))
  }

  /// Appends all waiting ciphertext to `bytes`.
  ///
  /// - Returns: The number of bytes appended.
  @discardableResult
  public func pullCiphertext(into bytes: inout [UInt8]) -> Int {
    let pending = self.pendingCiphertextCount
    guard pending > 0 else { return 0 }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: pending))
    let moved = bytes.withUnsafeMutableBytes {
      self.pullCiphertext(into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]))
    }
    bytes.removeLast(pending - moved)
    return moved
  }

  /// Shuts this side down: queues close_notify once the handshake is done (before, a
  /// connection has nothing to close), and refuses further writes. Idempotent.
  public func shutdown() throws(TLSError) {
    guard !self.isShutDown, self.failure == nil else { return }
    self.isShutDown = true
    self.pendingPlaintext = []
    guard self.handshake != nil else { return }
    OpenSSLErrorQueue.clear()
    let result = SSL_shutdown(self.ssl)
    guard result < 0 else { return }
    switch SSL_get_error(self.ssl, result) {
    case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
      return
    default:
      throw self.fail(OpenSSLErrorQueue.error(.connectionFailed, "sending close_notify failed"))
    }
  }

  // MARK: Internals

  /// One `SSL_do_handshake` step; completes the handshake when OpenSSL says it is done.
  private func advanceHandshake() throws(TLSError) -> TLSHandshakeSummary? {
    OpenSSLErrorQueue.clear()
    let result = SSL_do_handshake(self.ssl)
    if result == 1 {
      return try self.completeHandshake()
    }
    switch SSL_get_error(self.ssl, result) {
    case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
      return nil
    default:
      throw self.fail(self.handshakeError())
    }
  }

  private func completeHandshake() throws(TLSError) -> TLSHandshakeSummary {
    let summary = self.makeSummary(of: self.ssl)
    if self.requireApplicationProtocol && summary.applicationProtocol == nil {
      throw self.fail(
        TLSError(
          code: .noApplicationProtocol,
          message: "the server selected none of \(self.context.applicationProtocols.names)"))
    }
    self.handshake = summary
    if !self.pendingPlaintext.isEmpty {
      try self.writePendingPlaintext()
    }
    return summary
  }

  /// Classifies a failed handshake: a certificate that did not verify on this side,
  /// or anything else.
  private func handshakeError() -> TLSError {
    let verifyResult = SSL_get_verify_result(self.ssl)
    guard verifyResult == X509_V_OK else {
      let reason = String(cString: X509_verify_cert_error_string(verifyResult))
      return OpenSSLErrorQueue.error(.certificateVerificationFailed, "peer certificate rejected (\(reason))")
    }
    return OpenSSLErrorQueue.error(.handshakeFailed, "TLS handshake failed")
  }

  private func writePendingPlaintext() throws(TLSError) {
    let written = try self.pendingPlaintext.withUnsafeBytes { bytes in
      Result { () throws(TLSError) in try self.write(bytes) }
    }.get()
    self.pendingPlaintext.removeFirst(written)
  }

  /// `SSL_write_ex` until all of `bytes` is encrypted or OpenSSL asks for a retry.
  ///
  /// - Returns: The number of bytes encrypted.
  private func write(_ bytes: UnsafeRawBufferPointer) throws(TLSError) -> Int {
    var offset = 0
    while offset < bytes.count {
      OpenSSLErrorQueue.clear()
      var written = 0
      let result = SSL_write_ex(self.ssl, bytes.baseAddress! + offset, bytes.count - offset, &written)
      if result == 1 {
        offset += written
        continue
      }
      switch SSL_get_error(self.ssl, result) {
      case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
        return offset
      default:
        throw self.fail(OpenSSLErrorQueue.error(.connectionFailed, "encrypting for the peer failed"))
      }
    }
    return offset
  }

  /// Records `error` as the connection's final state and returns it.
  private func fail(_ error: TLSError) -> TLSError {
    self.failure = error
    self.pendingPlaintext = []
    return error
  }
}
