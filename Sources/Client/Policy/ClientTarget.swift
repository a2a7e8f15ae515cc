/// The server a channel talks to: a DNS name to resolve into addresses, or fixed
/// addresses (IP addresses or a Unix domain socket).
///
/// ``init(parsing:defaultPort:)`` reads gRPC's target syntax (`doc/naming.md`):
/// `dns:///host:port`, `dns:host:port`, `host:port`, `[::1]:50051`, `unix:/path`,
/// `unix:///path`, `ipv4:1.2.3.4:80,5.6.7.8:80`, `ipv6:[::1]:80,::2`.
public enum ClientTarget: Sendable, Hashable, CustomStringConvertible {
  /// A host name to resolve; it may give several addresses.
  case dns(host: String, port: Int)
  /// Addresses used as they are; never empty.
  case addresses([Address])

  /// The `:authority` a request to this target carries: `host:port` for names and IP
  /// addresses (the first one of a list), `localhost` for Unix sockets.
  public var authority: String {
    switch self {
    case .dns(let host, let port):
      return "\(host):\(port)"
    case .addresses(let addresses):
      switch addresses.first {
      case .ipv4(let host, let port): return "\(host):\(port)"
      case .ipv6(let host, let port): return "[\(host)]:\(port)"
      case .unixDomainSocket, nil: return "localhost"
      }
    }
  }

  /// `dns:///host:port`, or the addresses joined by commas.
  public var description: String {
    switch self {
    case .dns(let host, let port):
      "dns:///\(host):\(port)"
    case .addresses(let addresses):
      addresses.map(\.description).joined(separator: ",")
    }
  }
}
