internal import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The identity a certificate states, read off it once so it can travel as a
/// value: a peer certificate becomes the authentication context a server's
/// interceptors see; a context's own certificate is what it is serving.
public struct TLSCertificateInfo: Sendable, Hashable {
  /// The subject distinguished name in RFC 2253 form, as in `CN=client,O=Acme`.
  public var subject: String
  /// The issuer distinguished name in RFC 2253 form.
  public var issuer: String
  /// The serial number in upper-case hexadecimal, as in `1A2B`.
  public var serialNumber: String
  /// DNS names from the subject alternative name extension.
  public var dnsNames: [String]
  /// IP addresses from the subject alternative name extension, in text form.
  public var ipAddresses: [String]
  /// URIs from the subject alternative name extension (SPIFFE IDs live here).
  public var uris: [String]
  /// Start of validity, in seconds since 1970-01-01 UTC.
  public var notValidBefore: Int64
  /// End of validity, in seconds since 1970-01-01 UTC.
  public var notValidAfter: Int64
  /// The certificate's DER encoding.
  public var derEncoded: [UInt8]

  /// Creates a value from its parts.
  public init(
    subject: String, issuer: String, serialNumber: String, dnsNames: [String], ipAddresses: [String],
    uris: [String], notValidBefore: Int64, notValidAfter: Int64, derEncoded: [UInt8]
  ) {
    self.subject = subject
    self.issuer = issuer
    self.serialNumber = serialNumber
    self.dnsNames = dnsNames
    self.ipAddresses = ipAddresses
    self.uris = uris
    self.notValidBefore = notValidBefore
    self.notValidAfter = notValidAfter
    self.derEncoded = derEncoded
  }

  /// Reads an `X509 *` without taking over its reference.
  init(borrowing certificate: OpaquePointer) {
    self.subject = Self.rfc2253(X509_get_subject_name(certificate))
    self.issuer = Self.rfc2253(X509_get_issuer_name(certificate))
    self.serialNumber = Self.hex(X509_get0_serialNumber(certificate))
    self.notValidBefore = Self.seconds(X509_get0_notBefore(certificate))
    self.notValidAfter = Self.seconds(X509_get0_notAfter(certificate))
    self.dnsNames = []
    self.ipAddresses = []
    self.uris = []
    self.derEncoded = []
    self.readAlternativeNames(certificate)
    let length = i2d_X509(certificate, nil)
    if length > 0 {
      self.derEncoded = [UInt8](repeating: 0, count: Int(length))
      self.derEncoded.withUnsafeMutableBufferPointer { buffer in
        var cursor = buffer.baseAddress
        _ = i2d_X509(certificate, &cursor)
      }
    }
  }

  private mutating func readAlternativeNames(_ certificate: OpaquePointer) {
    guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else { return }
    let names = OpaquePointer(raw)
    defer { GENERAL_NAMES_free(names) }
    for index in 0..<OPENSSL_sk_num(names) {
      guard let entry = OPENSSL_sk_value(names, index)?.assumingMemoryBound(to: GENERAL_NAME.self) else {
        continue
      }
      switch entry.pointee.type {
      case GEN_DNS:
        if let text = Self.text(entry.pointee.d.dNSName) { self.dnsNames.append(text) }
      case GEN_URI:
        if let text = Self.text(entry.pointee.d.uniformResourceIdentifier) { self.uris.append(text) }
      case GEN_IPADD:
        if let address = Self.ipAddress(entry.pointee.d.iPAddress) { self.ipAddresses.append(address) }
      default:
        continue
      }
    }
  }

  private static func rfc2253(_ name: OpaquePointer?) -> String {
    guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
    defer { BIO_free(bio) }
    guard X509_NAME_print_ex(bio, name, 0, CSLUICE_XN_FLAG_RFC2253) >= 0 else { return "" }
    var data: UnsafeMutablePointer<CChar>?
    let length = csluice_BIO_get_mem_data(bio, &data)
    guard let data, length > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
  }

  private static func hex(_ serial: UnsafePointer<ASN1_INTEGER>?) -> String {
    guard let serial, let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
    defer { BN_free(number) }
    guard let text = BN_bn2hex(number) else { return "" }
    defer { csluice_OPENSSL_free(text) }
    return String(cString: text)
  }

  private static func seconds(_ time: UnsafePointer<ASN1_TIME>?) -> Int64 {
    var parts = tm()
    guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return 0 }
    return Int64(timegm(&parts))
  }

  private static func text(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
    guard let string, let bytes = ASN1_STRING_get0_data(string) else { return nil }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(ASN1_STRING_length(string))), as: UTF8.self)
  }

  private static func ipAddress(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
    guard let string, let bytes = ASN1_STRING_get0_data(string) else { return nil }
    let length = Int(ASN1_STRING_length(string))
    let family: Int32
    switch length {
    case 4: family = AF_INET
    case 16: family = AF_INET6
    default: return nil
    }
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    return text.withUnsafeMutableBufferPointer { buffer in
      guard let start = inet_ntop(family, bytes, buffer.baseAddress, socklen_t(buffer.count)) else { return nil }
      return String(cString: start)
    }
  }
}
