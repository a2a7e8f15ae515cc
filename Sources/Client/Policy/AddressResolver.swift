import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a ``ClientTarget`` into the addresses to connect to, resolving DNS names with
/// the system resolver (`getaddrinfo`, so `/etc/hosts` and the system's DNS settings
/// apply).
///
/// `getaddrinfo` blocks, so each lookup runs on a background dispatch queue and the
/// calling task only waits; a lookup cannot be interrupted once started.
public struct AddressResolver: Sendable {
  /// Creates a resolver using the system's resolver.
  public init() {}

  /// The target's addresses: fixed addresses as they are, a DNS name's addresses in the
  /// order the system prefers (RFC 6724), without duplicates.
  public func resolve(_ target: ClientTarget) async throws(ClientTargetError) -> [Address] {
    switch target {
    case .addresses(let addresses):
      return addresses
    case .dns(let host, let port):
      return try await resolve(host: host, port: port)
    }
  }

  /// The IPv4 and IPv6 addresses of `host`, each with `port`.
  public func resolve(host: String, port: Int) async throws(ClientTargetError) -> [Address] {
    let result = await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(returning: Self.lookUp(host: host, port: port))
      }
    }
    return try result.get()
  }

  /// Runs `getaddrinfo` on the calling thread.
  private static func lookUp(host: String, port: Int) -> Result<[Address], ClientTargetError> {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Darwin)
      hints.ai_socktype = SOCK_STREAM
    #else
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #endif
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &list)
    guard status == 0 else {
      let reason = String(cString: gai_strerror(status))
      return .failure(ClientTargetError(target: host, problem: .resolutionFailed(reason)))
    }
    defer { freeaddrinfo(list) }

    var addresses: [Address] = []
    var entry = list
    while let info = entry {
      if let address = Self.address(of: info.pointee, port: port), !addresses.contains(address) {
        addresses.append(address)
      }
      entry = info.pointee.ai_next
    }
    guard !addresses.isEmpty else {
      return .failure(ClientTargetError(target: host, problem: .noAddresses))
    }
    return .success(addresses)
  }

  /// The address one `getaddrinfo` result holds, with `port`; nil for other families.
  private static func address(of info: addrinfo, port: Int) -> Address? {
    guard let socketAddress = info.ai_addr,
      info.ai_family == AF_INET || info.ai_family == AF_INET6
    else { return nil }
    // getnameinfo with NI_NUMERICHOST prints the address without another lookup.
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    let status = getnameinfo(
      socketAddress, info.ai_addrlen, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
    guard status == 0 else { return nil }
    let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return info.ai_family == AF_INET ? .ipv4(host: text, port: port) : .ipv6(host: text, port: port)
  }
}
