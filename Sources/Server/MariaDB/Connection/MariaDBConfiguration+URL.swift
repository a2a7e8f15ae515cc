

extension MariaDBConfiguration: CustomStringConvertible {
  /// Reads a database URL in one of two forms:
  ///
  /// ```
  /// mariadb://[user[:password]@]host[:port][,host[:port]...][/database][?option=value&...]
  /// mariadb+unix://[user[:password]@]/absolute/path/to/socket[?database=name&option=value&...]
  /// ```
  ///
  /// Several comma-separated hosts form a failover list (a Galera cluster): connections try
  /// them in order. IPv6 addresses go in brackets (`[::1]:3306`). The port defaults to 3306.
  /// User, password, path, database and option values are percent-decoded.
  ///
  /// Options: `database`, `user`, `password` (when not given in their usual places),
  /// `connect_timeout`, `read_timeout`, `write_timeout` (seconds). Unknown options are
  /// rejected, so a misspelt option never goes unnoticed.
  public init(url: String) throws(MariaDBURLError) {
    let tcpScheme = "mariadb://"
    let unixScheme = "mariadb+unix://"
    let isUnix: Bool
    let rest: Substring
    if url.hasPrefix(unixScheme) {
      isUnix = true
      rest = url.dropFirst(unixScheme.count)
    } else if url.hasPrefix(tcpScheme) {
      isUnix = false
      rest = url.dropFirst(tcpScheme.count)
    } else {
      throw MariaDBURLError(message: "the scheme must be mariadb:// or mariadb+unix://")
    }

    let (beforeQuery, query) = Self.split(rest, at: "?")
    let options = try Self.parseQuery(query ?? "")

    // The authority (user information and hosts) ends at the first "/"; the user
    // information at the authority's last "@".
    let slash = beforeQuery.firstIndex(of: "/") ?? beforeQuery.endIndex
    var authority = beforeQuery[..<slash]
    let path = beforeQuery[slash...]
    var user: String?
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let (name, secret) = Self.split(authority[..<at], at: ":")
      user = try Self.percentDecode(name)
      if let secret { password = try Self.percentDecode(secret) }
      authority = authority[authority.index(after: at)...]
    }

    var endpoints: [MariaDBEndpoint] = []
    var database: String?
    if isUnix {
      guard authority.isEmpty, path.count > 1 else {
        throw MariaDBURLError(message: "a mariadb+unix URL names no host, only an absolute socket path")
      }
      endpoints = [.unixSocket(path: try Self.percentDecode(path))]
    } else {
      for host in authority.split(separator: ",", omittingEmptySubsequences: false) {
        endpoints.append(try Self.parseHost(host))
      }
      if path.count > 1 {
        database = try Self.percentDecode(path.dropFirst())
      }
    }

    var configuration = MariaDBConfiguration(endpoints: endpoints, user: user, password: password)
    configuration.database = database
    for (name, value) in options {
      switch name {
      case "database":
        guard configuration.database == nil else {
          throw MariaDBURLError(message: "the database is given twice")
        }
        configuration.database = value
      case "user": configuration.user = value
      case "password": configuration.password = value
      case "connect_timeout": configuration.connectTimeout = try Self.parseSeconds(value, option: name)
      case "read_timeout": configuration.readTimeout = try Self.parseSeconds(value, option: name)
      case "write_timeout": configuration.writeTimeout = try Self.parseSeconds(value, option: name)
      default: throw MariaDBURLError(message: "unknown option \"\(name)\"")
      }
    }
    self = configuration
  }

  /// The configuration as a URL with the password replaced by `***` (safe for logs).
  public var description: String {
    var credentials = ""
    if let user {
      credentials = user
      if let password, !password.isEmpty { credentials += ":***" }
      credentials += "@"
    }
    if case .unixSocket(let path) = endpoints.first, endpoints.count == 1 {
      return "mariadb+unix://\(credentials)\(path)" + (database.map { "?database=\($0)" } ?? "")
    }
    let hosts = endpoints.map(\.description).joined(separator: ",")
    return "mariadb://\(credentials)\(hosts)/\(database ?? "")"
  }

  private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
    guard let index = text.firstIndex(of: separator) else { return (text, nil) }
    return (text[..<index], text[text.index(after: index)...])
  }

  private static func parseHost(_ text: Substring) throws(MariaDBURLError) -> MariaDBEndpoint {
    var host: Substring
    var portText: Substring?
    if text.first == "[" {
      guard let close = text.firstIndex(of: "]") else {
        throw MariaDBURLError(message: "unclosed \"[\" in host \"\(text)\"")
      }
      host = text[text.index(after: text.startIndex)..<close]
      let after = text[text.index(after: close)...]
      if !after.isEmpty {
        guard after.first == ":" else { throw MariaDBURLError(message: "bad host \"\(text)\"") }
        portText = after.dropFirst()
      }
    } else {
      (host, portText) = split(text, at: ":")
    }
    guard !host.isEmpty else { throw MariaDBURLError(message: "a host name is empty") }
    var port = MariaDBEndpoint.defaultPort
    if let portText {
      guard let value = Int(portText), (1...65535).contains(value) else {
        throw MariaDBURLError(message: "bad port \"\(portText)\"")
      }
      port = value
    }
    return .tcp(host: try percentDecode(host), port: port)
  }

  private static func parseQuery(_ query: Substring) throws(MariaDBURLError) -> [(String, String)] {
    var options: [(String, String)] = []
    for pair in query.split(separator: "&") {
      let (name, value) = split(pair, at: "=")
      guard let value else { throw MariaDBURLError(message: "option \"\(name)\" has no value") }
      options.append((try percentDecode(name), try percentDecode(value)))
    }
    return options
  }

  private static func parseSeconds(_ text: String, option: String) throws(MariaDBURLError) -> Duration {
    guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
      throw MariaDBURLError(message: "\(option) must be a number of seconds, not \"\(text)\"")
    }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }

  private static func percentDecode(_ text: Substring) throws(MariaDBURLError) -> String {
    guard text.contains("%") else { return String(text) }
    var bytes: [UInt8] = []
    var utf8 = text.utf8[...]
    while let byte = utf8.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard utf8.count >= 2, let high = hexValue(utf8.popFirst()!), let low = hexValue(utf8.popFirst()!)
      else {
        throw MariaDBURLError(message: "bad percent escape in \"\(text)\"")
      }
      bytes.append(high << 4 | low)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
