public import SluiceTransport

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Musl)
  internal import Musl
#endif

extension Server {
  /// Re-reads the TLS certificate, key and CA files now; new connections use them,
  /// connections already open keep theirs. Does nothing when the server has no TLS.
  ///
  /// SIGHUP and changed files do the same on their own; this is for callers with their
  /// own schedule (and tests).
  /// - Throws: `TLSError` when the files do not make a valid context; the current
  ///   certificates stay in use.
  public func reloadTLS() throws(TLSError) {
    guard let store = tlsStore else { return }
    let result = Result { () throws(TLSError) in try store.reload() }
    Self.logReload(cause: "reloadTLS()", result: result)
    _ = try result.get()
  }

  /// The certificate new TLS connections are served, or nil without TLS.
  public var tlsCertificate: TLSCertificateInfo? {
    tlsStore?.context.certificate
  }

  /// Logs a reload the trigger made (on SIGHUP or changed files).
  @Sendable static func logReload(_ event: TLSReloadTrigger.Event) {
    let cause =
      switch event.cause {
      case .signal(let number): "signal \(number)"
      case .filesChanged(let files): "changed \(files.joined(separator: ", "))"
      }
    logReload(cause: cause, result: event.result)
  }

  /// Writes one line about a TLS reload to standard error.
  static func logReload(cause: String, result: Result<TLSContext, TLSError>) {
    var line =
      switch result {
      case .success(let context):
        "sluice: TLS reloaded (\(cause)); serving certificate serial "
          + "\(context.certificate?.serialNumber ?? "none")\n"
      case .failure(let error):
        "sluice: TLS reload failed (\(cause)), keeping the current certificate: \(error)\n"
      }
    _ = line.withUTF8 { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
