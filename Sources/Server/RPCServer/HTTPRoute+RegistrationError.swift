extension HTTPRoute {
  /// Why `Server.init` refused a route.
  public enum RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path does not start with `/`, or contains `?`, `#`, a space or a control
    /// character (no request target would match it).
    case invalidPath(String)
    /// Two routes have this path.
    case duplicatePath(String)
    /// An RPC method has this path.
    case conflictsWithMethod(path: String)

    /// A one-line explanation.
    public var description: String {
      switch self {
      case .invalidPath(let path):
        "route path \"\(path)\" must start with / and have no ?, #, spaces or control characters"
      case .duplicatePath(let path): "route \(path) is registered twice"
      case .conflictsWithMethod(let path): "route \(path) is also an RPC method's path"
      }
    }
  }
}
