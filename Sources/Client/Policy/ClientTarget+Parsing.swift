extension ClientTarget {
  /// The default port of gRPC targets that name none.
  public static let defaultPort = 443

  /// Parses a target in gRPC's syntax (`doc/naming.md`).
  ///
  /// - `dns:///host[:port]` or `dns:host[:port]`: a name to resolve (or an IP literal,
  ///   used as it is); a `dns://server/` authority is rejected.
  /// - `unix:path` or `unix:///absolute/path`: a Unix domain socket.
  /// - `ipv4:a.b.c.d[:port][,…]`, `ipv6:addr[,…]` or `ipv6:[addr]:port[,…]`: fixed
  ///   addresses, in order.
  /// - anything else without `scheme://`: `host[:port]`, `[ipv6]:port` or a bare IPv6
  ///   address, as if it began with `dns:///`.
  ///
  /// - Parameter defaultPort: The port of entries that give none.
  /// - Throws: ``ClientTargetError`` naming the offending part.
  public init(parsing target: String, defaultPort: Int = ClientTarget.defaultPort)
    throws(ClientTargetError)
  {
    let parser = TargetParser(target: target, defaultPort: defaultPort)
    self = try parser.parse()
  }
}

/// The parsing behind ``ClientTarget/init(parsing:defaultPort:)``.
private struct TargetParser {
  let target: String
  let defaultPort: Int

  init(target: String, defaultPort: Int) {
    self.target = target
    self.defaultPort = defaultPort
  }

  func fail(_ problem: ClientTargetError.Problem) -> ClientTargetError {
    ClientTargetError(target: target, problem: problem)
  }

  func parse() throws(ClientTargetError) -> ClientTarget {
    guard !target.isEmpty else { throw fail(.empty) }
    if let rest = target.dropPrefix("dns:") {
      return try parseHostPort(droppingAuthority(rest))
    }
    if let rest = target.dropPrefix("unix:") {
      var path = Substring(rest)
      if path.hasPrefix("//") {
        path = path.dropFirst(2)
        guard path.isEmpty || path.hasPrefix("/") else {
          throw fail(.authorityNotSupported(String(path.prefix { $0 != "/" })))
        }
      }
      guard !path.isEmpty else { throw fail(.missingPath) }
      guard path.utf8.count <= Address.maxUnixPathLength else {
        throw fail(.pathTooLong(path.utf8.count))
      }
      return .addresses([.unixDomainSocket(path: String(path))])
    }
    if let rest = target.dropPrefix("ipv4:") {
      return .addresses(try parseList(rest, ipv6: false))
    }
    if let rest = target.dropPrefix("ipv6:") {
      return .addresses(try parseList(rest, ipv6: true))
    }
    if let schemeEnd = target.firstRange(of: "://") {
      throw fail(.unsupportedScheme(String(target[..<schemeEnd.lowerBound])))
    }
    return try parseHostPort(Substring(target))
  }

  /// The part after `//authority/` when there is one; only an empty authority passes.
  func droppingAuthority(_ rest: Substring) throws(ClientTargetError) -> Substring {
    guard rest.hasPrefix("//") else { return rest }
    let afterSlashes = rest.dropFirst(2)
    let authority = afterSlashes.prefix { $0 != "/" }
    guard authority.isEmpty else { throw fail(.authorityNotSupported(String(authority))) }
    return afterSlashes.dropFirst()
  }

  /// `host[:port]`, `[v6]:port` or a bare IPv6 address; IP literals become addresses.
  func parseHostPort(_ text: Substring) throws(ClientTargetError) -> ClientTarget {
    let (host, port, bracketed) = try splitHostPort(text)
    if let address = IPAddressText.canonicalIPv4(host) {
      return .addresses([.ipv4(host: address, port: port)])
    }
    if let address = IPAddressText.canonicalIPv6(host) {
      return .addresses([.ipv6(host: address, port: port)])
    }
    if bracketed || host.contains(":") { throw fail(.invalidIPv6Address(host)) }
    guard Self.isValidHostName(host) else { throw fail(.invalidHost(host)) }
    return .dns(host: host, port: port)
  }

  /// Splits `host[:port]`, `[host]:port`, `[host]` or (several colons) a bare IPv6 host.
  func splitHostPort(_ text: Substring) throws(ClientTargetError)
    -> (host: String, port: Int, bracketed: Bool)
  {
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw fail(.invalidIPv6Address(String(text)))
      }
      let host = String(text[text.index(after: text.startIndex)..<close])
      let after = text[text.index(after: close)...]
      guard !host.isEmpty else { throw fail(.missingHost) }
      if after.isEmpty { return (host, defaultPort, true) }
      guard after.hasPrefix(":") else { throw fail(.invalidIPv6Address(String(text))) }
      return (host, try parsePort(after.dropFirst()), true)
    }
    let colons = text.filter { $0 == ":" }.count
    if colons > 1 { return (String(text), defaultPort, false) }
    guard let colon = text.firstIndex(of: ":") else {
      guard !text.isEmpty else { throw fail(.missingHost) }
      return (String(text), defaultPort, false)
    }
    let host = text[..<colon]
    guard !host.isEmpty else { throw fail(.missingHost) }
    return (String(host), try parsePort(text[text.index(after: colon)...]), false)
  }

  func parsePort(_ text: Substring) throws(ClientTargetError) -> Int {
    guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let port = Int(text), (1...65535).contains(port)
    else { throw fail(.invalidPort(String(text))) }
    return port
  }

  /// A comma-separated list of IPv4 (`a.b.c.d[:port]`) or IPv6 (`addr`, `[addr]:port`)
  /// addresses.
  func parseList(_ text: Substring, ipv6: Bool) throws(ClientTargetError) -> [Address] {
    var addresses: [Address] = []
    for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard !entry.isEmpty else { throw fail(.emptyAddressList) }
      let (host, port, _) = try splitHostPort(entry)
      if ipv6 {
        guard let address = IPAddressText.canonicalIPv6(host) else {
          throw fail(.invalidIPv6Address(host))
        }
        addresses.append(.ipv6(host: address, port: port))
      } else {
        guard let address = IPAddressText.canonicalIPv4(host) else {
          throw fail(.invalidIPv4Address(host))
        }
        addresses.append(.ipv4(host: address, port: port))
      }
    }
    return addresses
  }

  /// Letters, digits, `-`, `_` and `.`, in labels of 1–63 characters, 253 at most.
  static func isValidHostName(_ host: String) -> Bool {
    guard !host.isEmpty, host.utf8.count <= 253 else { return false }
    let labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    for (index, label) in labels.enumerated() {
      // A single trailing dot (a fully qualified name) leaves one empty last label.
      if label.isEmpty, index == labels.count - 1, index > 0 { continue }
      guard (1...63).contains(label.count) else { return false }
      for byte in label {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
          continue
        default:
          return false
        }
      }
    }
    return true
  }
}

extension String {
  /// The rest of the string after `prefix`, or nil when it does not start with it.
  fileprivate func dropPrefix(_ prefix: String) -> Substring? {
    hasPrefix(prefix) ? dropFirst(prefix.count) : nil
  }
}
