#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks and canonicalizes numeric IP address text with `inet_pton`/`inet_ntop`.
///
/// The binary addresses live in plain byte buffers rather than `in_addr`/`in6_addr`
/// values: some builds attribute those C types to another module that also includes the
/// system headers (such as SwiftNIO's `CNIOLinux`), which hides their initializers.
enum IPAddressText {
  /// The canonical form of a dotted-quad IPv4 address, or nil if `text` is not one.
  static func canonicalIPv4(_ text: String) -> String? {
    canonical(text, family: AF_INET, byteCount: 4, capacity: Int(INET_ADDRSTRLEN))
  }

  /// The canonical form of an IPv6 address (no brackets, no zone), or nil if `text` is
  /// not one.
  static func canonicalIPv6(_ text: String) -> String? {
    canonical(text, family: AF_INET6, byteCount: 16, capacity: Int(INET6_ADDRSTRLEN))
  }

  /// `text` parsed as an address of `family` (`byteCount` bytes) and printed back.
  private static func canonical(_ text: String, family: Int32, byteCount: Int, capacity: Int)
    -> String?
  {
    var address = [UInt8](repeating: 0, count: byteCount)
    guard inet_pton(family, text, &address) == 1 else { return nil }
    var buffer = [CChar](repeating: 0, count: capacity)
    guard inet_ntop(family, address, &buffer, socklen_t(capacity)) != nil else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
