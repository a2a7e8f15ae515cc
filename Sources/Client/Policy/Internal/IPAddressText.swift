#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks and canonicalizes numeric IP address text with `inet_pton`/`inet_ntop`.
enum IPAddressText {
  /// The canonical form of a dotted-quad IPv4 address, or nil if `text` is not one.
  static func canonicalIPv4(_ text: String) -> String? {
    var address = in_addr()
    guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
    return string(family: AF_INET, &address, capacity: Int(INET_ADDRSTRLEN))
  }

  /// The canonical form of an IPv6 address (no brackets, no zone), or nil if `text` is
  /// not one.
  static func canonicalIPv6(_ text: String) -> String? {
    var address = in6_addr()
    guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
    return string(family: AF_INET6, &address, capacity: Int(INET6_ADDRSTRLEN))
  }

  /// The text of a binary address (`in_addr` or `in6_addr`) of `family`.
  static func string<Address>(family: Int32, _ address: inout Address, capacity: Int) -> String? {
    var buffer = [CChar](repeating: 0, count: capacity)
    let result = withUnsafePointer(to: &address) { pointer in
      inet_ntop(family, pointer, &buffer, socklen_t(capacity))
    }
    guard result != nil else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
