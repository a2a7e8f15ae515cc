/// Why a target string does not name a server, or why its name did not resolve.
public struct ClientTargetError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The target (or host name) as given.
  public var target: String
  /// What is wrong with it.
  public var problem: Problem

  /// What is wrong with a target.
  public enum Problem: Sendable, Hashable {
    /// The target is empty.
    case empty
    /// A scheme other than `dns`, `unix`, `ipv4` and `ipv6`.
    case unsupportedScheme(String)
    /// A `dns://authority/` or `unix://authority/` naming a server; only local resolution
    /// and local paths are supported.
    case authorityNotSupported(String)
    /// No host before the port.
    case missingHost
    /// A host name with characters DNS names cannot have.
    case invalidHost(String)
    /// A port that is not a decimal number in `1...65535`.
    case invalidPort(String)
    /// Text after an `ipv4:` scheme that is not a dotted-quad address.
    case invalidIPv4Address(String)
    /// Text that is not an IPv6 address (a port needs brackets: `[::1]:50051`).
    case invalidIPv6Address(String)
    /// `unix:` without a path.
    case missingPath
    /// A socket path longer than the 107 bytes a Unix socket address holds.
    case pathTooLong(Int)
    /// An `ipv4:`/`ipv6:` list with an empty entry.
    case emptyAddressList
    /// The resolver could not resolve the host name.
    case resolutionFailed(String)
    /// The host name resolved to no address.
    case noAddresses
  }

  /// Creates an error about `target`.
  public init(target: String, problem: Problem) {
    self.target = target
    self.problem = problem
  }

  /// `invalid target "…": reason`, or `cannot resolve "…": reason`.
  public var description: String {
    switch problem {
    case .empty:
      "invalid target \"\": the target is empty"
    case .unsupportedScheme(let scheme):
      "invalid target \"\(target)\": unsupported scheme \"\(scheme)\" "
        + "(use dns:, unix:, ipv4:, ipv6: or host:port)"
    case .authorityNotSupported(let authority):
      "invalid target \"\(target)\": authority \"\(authority)\" is not supported "
        + "(write dns:///host:port or unix:///absolute/path)"
    case .missingHost:
      "invalid target \"\(target)\": no host"
    case .invalidHost(let host):
      "invalid target \"\(target)\": \"\(host)\" is not a valid host name"
    case .invalidPort(let port):
      "invalid target \"\(target)\": port \"\(port)\" is not a number in 1...65535"
    case .invalidIPv4Address(let address):
      "invalid target \"\(target)\": \"\(address)\" is not an IPv4 address"
    case .invalidIPv6Address(let address):
      "invalid target \"\(target)\": \"\(address)\" is not an IPv6 address "
        + "(with a port, write [address]:port)"
    case .missingPath:
      "invalid target \"\(target)\": no socket path"
    case .pathTooLong(let length):
      "invalid target \"\(target)\": the socket path has \(length) bytes, at most 107 fit"
    case .emptyAddressList:
      "invalid target \"\(target)\": empty entry in the address list"
    case .resolutionFailed(let reason):
      "cannot resolve \"\(target)\": \(reason)"
    case .noAddresses:
      "cannot resolve \"\(target)\": no addresses"
    }
  }
}
