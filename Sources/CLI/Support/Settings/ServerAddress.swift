/// Where the client commands find the server: `host:port`, `[IPv6]:port`, a bare host
/// (port 50051), or `unix:PATH` for a Unix domain socket.
public enum ServerAddress: Sendable, Hashable, CustomStringConvertible {
  /// A host name or IP address, and a TCP port.
  case host(String, port: Int)
  /// A Unix domain socket.
  case unixSocket(path: String)

  /// The port a bare host means.
  public static let defaultPort = 50051

  /// Parses `text`; `source` names the flag, variable or file entry it came from.
  public init(parsing text: String, source: LayeredSettings.Source) throws(SettingError) {
    func invalid(_ why: String) -> SettingError {
      SettingError("\(source): \"\(text)\" \(why)")
    }
    if text.hasPrefix("unix:") {
      let path = String(text.dropFirst(5))
      guard !path.isEmpty else { throw invalid("names no socket path") }
      self = .unixSocket(path: path)
      return
    }
    guard !text.contains("://") else {
      throw invalid("is not host:port (no scheme; use --tls for TLS)")
    }
    var host: Substring
    var portText: Substring?
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { throw invalid("has no closing ]") }
      host = text[text.index(after: text.startIndex)..<close]
      let rest = text[text.index(after: close)...]
      if !rest.isEmpty {
        guard rest.hasPrefix(":") else { throw invalid("is not [address]:port") }
        portText = rest.dropFirst()
      }
    } else if text.filter({ $0 == ":" }).count > 1 {
      // A bare IPv6 address: no port can be told apart from it.
      host = Substring(text)
    } else if let colon = text.firstIndex(of: ":") {
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
    } else {
      host = Substring(text)
    }
    guard !host.isEmpty else { throw invalid("names no host") }
    var port = Self.defaultPort
    if let portText {
      guard let number = Int(portText), (1...65_535).contains(number) else {
        throw invalid("has no port from 1 to 65535")
      }
      port = number
    }
    self = .host(String(host), port: port)
  }

  /// `host:port` (IPv6 in brackets) or `unix:PATH`.
  public var description: String {
    switch self {
    case .host(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    case .unixSocket(let path): "unix:\(path)"
    }
  }
}
