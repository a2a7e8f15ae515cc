/// One place a connection can go: an IP address and port, or a Unix domain socket.
///
/// IP hosts are numeric and in canonical text form (`127.0.0.1`, `::1`) when made by
/// ``init(ipAddress:port:)``, ``ClientTarget`` parsing or ``AddressResolver``, so equal
/// addresses compare equal.
public enum Address: Sendable, Hashable, CustomStringConvertible {
  /// An IPv4 address and a port.
  case ipv4(host: String, port: Int)
  /// An IPv6 address (without brackets) and a port.
  case ipv6(host: String, port: Int)
  /// A Unix domain socket's path.
  case unixDomainSocket(path: String)

  /// The most bytes a Unix socket path may have (`sun_path` less its terminating zero).
  public static let maxUnixPathLength = 107

  /// The address of a numeric IPv4 or IPv6 `ipAddress` and a port in `1...65535`, in
  /// canonical form.
  public init(ipAddress: String, port: Int) throws(ClientTargetError) {
    guard (1...65535).contains(port) else {
      throw ClientTargetError(target: ipAddress, problem: .invalidPort(String(port)))
    }
    if let host = IPAddressText.canonicalIPv4(ipAddress) {
      self = .ipv4(host: host, port: port)
    } else if let host = IPAddressText.canonicalIPv6(ipAddress) {
      self = .ipv6(host: host, port: port)
    } else if ipAddress.contains(":") {
      throw ClientTargetError(target: ipAddress, problem: .invalidIPv6Address(ipAddress))
    } else {
      throw ClientTargetError(target: ipAddress, problem: .invalidIPv4Address(ipAddress))
    }
  }

  /// The address of a Unix domain socket at `path`, which must be non-empty and fit a
  /// socket address.
  public init(unixDomainSocketPath path: String) throws(ClientTargetError) {
    guard !path.isEmpty else { throw ClientTargetError(target: path, problem: .missingPath) }
    guard path.utf8.count <= Self.maxUnixPathLength else {
      throw ClientTargetError(target: path, problem: .pathTooLong(path.utf8.count))
    }
    self = .unixDomainSocket(path: path)
  }

  /// `1.2.3.4:80`, `[::1]:80` or `unix:/path`.
  public var description: String {
    switch self {
    case .ipv4(let host, let port): "\(host):\(port)"
    case .ipv6(let host, let port): "[\(host)]:\(port)"
    case .unixDomainSocket(let path): "unix:\(path)"
    }
  }
}
