/// Where a MariaDB server listens.
public enum MariaDBEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// A TCP host name or address and port.
  case tcp(host: String, port: Int)
  /// A unix domain socket path.
  case unixSocket(path: String)

  /// MariaDB's default TCP port.
  public static let defaultPort = 3306

  /// `host:port` (IPv6 addresses in brackets) or `unix:/path`.
  public var description: String {
    switch self {
    case .tcp(let host, let port):
      host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    case .unixSocket(let path):
      "unix:\(path)"
    }
  }
}
