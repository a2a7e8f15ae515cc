public import SluiceTransport

/// Why a ``ClientChannel`` could not be created. Calls never throw it: every call failure
/// is an `RPCError`.
public enum ClientChannelError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The target string does not name a server.
  case invalidTarget(ClientTargetError)
  /// A setting has a value it cannot have (such as zero connections per address).
  case invalidConfiguration(PolicyConfigurationError)
  /// The TLS configuration's files could not be loaded.
  case tls(TLSError)

  /// The underlying error's description.
  public var description: String {
    switch self {
    case .invalidTarget(let error): "\(error)"
    case .invalidConfiguration(let error): "\(error)"
    case .tls(let error): "\(error)"
    }
  }
}
