internal import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TLSConnection {
  /// Client side: sends `name` as SNI and makes the handshake verify the server
  /// certificate against it (DNS names without partial wildcards; an IP address
  /// against IP SANs, without SNI, which RFC 6066 reserves for host names).
  static func applyServerName(_ name: String?, to ssl: OpaquePointer) throws(TLSError) {
    guard let name, !name.isEmpty else { return }
    OpenSSLErrorQueue.clear()
    let parameters = SSL_get0_param(ssl)
    if isIPAddress(name) {
      guard X509_VERIFY_PARAM_set1_ip_asc(parameters, name) == 1 else {
        throw OpenSSLErrorQueue.error(.invalidConfiguration, "server address '\(name)'")
      }
      return
    }
    guard csluice_SSL_set_tlsext_host_name(ssl, name) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "server name '\(name)' cannot be sent as SNI")
    }
    X509_VERIFY_PARAM_set_hostflags(parameters, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
    guard X509_VERIFY_PARAM_set1_host(parameters, name, 0) == 1 else {
      throw OpenSSLErrorQueue.error(.invalidConfiguration, "server name '\(name)'")
    }
  }

  private static func isIPAddress(_ text: String) -> Bool {
    var address = in6_addr()
    return inet_pton(AF_INET, text, &address) == 1 || inet_pton(AF_INET6, text, &address) == 1
  }

  /// Reads what the completed handshake settled off the `SSL *`.
  func makeSummary(of ssl: OpaquePointer) -> TLSHandshakeSummary {
    var selected: UnsafePointer<UInt8>?
    var selectedLength: UInt32 = 0
    SSL_get0_alpn_selected(ssl, &selected, &selectedLength)
    let applicationProtocol = selected.flatMap { bytes in
      selectedLength == 0
        ? nil : String(decoding: UnsafeBufferPointer(start: bytes, count: Int(selectedLength)), as: UTF8.self)
    }

    var peerCertificate: TLSCertificateInfo?
    if let certificate = SSL_get1_peer_certificate(ssl) {
      peerCertificate = TLSCertificateInfo(borrowing: certificate)
      X509_free(certificate)
    }

    return TLSHandshakeSummary(
      applicationProtocol: applicationProtocol,
      protocolVersion: SSL_version(ssl) == TLS1_3_VERSION ? .tls13 : .tls12,
      cipherSuite: SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? "",
      serverName: SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name).map { String(cString: $0) },
      peerCertificate: peerCertificate,
      sessionReused: SSL_session_reused(ssl) == 1
    )
  }
}
