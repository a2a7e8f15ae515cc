/// A TLS protocol version Sluice speaks: 1.2 or 1.3.
public enum TLSProtocolVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// TLS 1.2 (RFC 5246), the oldest version HTTP/2 allows.
  case tls12
  /// TLS 1.3 (RFC 8446).
  case tls13

  /// OpenSSL's name, as in `TLSv1.3`.
  public var description: String {
    switch self {
    case .tls12: "TLSv1.2"
    case .tls13: "TLSv1.3"
    }
  }
}
