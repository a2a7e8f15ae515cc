internal import SluiceTransport

/// A channel's security, made once: the TLS context its connections share, and the server
/// name configured for them (nil: each address's host).
enum ChannelSecurity: Sendable {
  case plaintext
  case tls(TLSContext, serverName: String?)

  /// The security of a connection to `address` of `target`: the configured server name,
  /// else the DNS name, else the IP address (none for a Unix socket).
  func forConnection(to address: Address, of target: ClientTarget) -> HTTP2ClientConnection.Security {
    switch self {
    case .plaintext:
      return .plaintext
    case .tls(let context, let serverName):
      if let serverName { return .tls(context, serverName: serverName) }
      if case .dns(let host, _) = target { return .tls(context, serverName: host) }
      switch address {
      case .ipv4(let host, _), .ipv6(let host, _): return .tls(context, serverName: host)
      case .unixDomainSocket: return .tls(context, serverName: nil)
      }
    }
  }
}
