/// Where a client connection goes: a host and port, or a Unix domain socket.
public enum ConnectionTarget: Sendable, Hashable, CustomStringConvertible {
  /// A host name or IP address and a TCP port. Names are resolved when connecting
  /// (IPv4 and IPv6, happy eyeballs).
  case host(String, port: Int)
  /// A Unix domain socket at this path.
  case unixDomainSocket(path: String)

  /// The `:authority` calls carry: `host:port` (IPv6 addresses in brackets), or
  /// `localhost` for a Unix domain socket.
  public var authority: String {
    switch self {
    case .host(let host, let port):
      host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
    case .unixDomainSocket:
      "localhost"
    }
  }

  /// The host name, for TLS server-name checks; nil for a Unix domain socket.
  public var hostName: String? {
    if case .host(let host, _) = self { return host }
    return nil
  }

  /// `host:port` or `unix:path`.
  public var description: String {
    switch self {
    case .host: authority
    case .unixDomainSocket(let path): "unix:\(path)"
    }
  }
}
