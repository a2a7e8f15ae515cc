extension Address {
  /// Where a connection to this address goes.
  var connectionTarget: ConnectionTarget {
    switch self {
    case .ipv4(let host, let port), .ipv6(let host, let port): .host(host, port: port)
    case .unixDomainSocket(let path): .unixDomainSocket(path: path)
    }
  }
}
