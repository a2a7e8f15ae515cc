/// Who the client proved to be at the transport level: the verified client certificate
/// of a mutual-TLS connection, read off once per connection.
///
/// Auth interceptors read it from ``ServerContext/authContext``; it is nil on plaintext
/// connections and on TLS connections whose client sent no certificate.
public struct AuthContext: Sendable, Hashable {
  /// The certificate's subject distinguished name in RFC 2253 form, as in
  /// `CN=client,O=Acme`.
  public var subject: String
  /// The certificate's issuer distinguished name in RFC 2253 form.
  public var issuer: String
  /// The certificate's serial number in upper-case hexadecimal.
  public var serialNumber: String
  /// DNS names from the subject alternative name extension.
  public var dnsNames: [String]
  /// URIs from the subject alternative name extension.
  public var uris: [String]

  /// Creates a context from a certificate's parts.
  public init(
    subject: String, issuer: String = "", serialNumber: String = "", dnsNames: [String] = [],
    uris: [String] = []
  ) {
    self.subject = subject
    self.issuer = issuer
    self.serialNumber = serialNumber
    self.dnsNames = dnsNames
    self.uris = uris
  }

  /// The SPIFFE ID (the first `spiffe://` URI), if the certificate carries one.
  public var spiffeID: String? {
    uris.first { $0.hasPrefix("spiffe://") }
  }
}
