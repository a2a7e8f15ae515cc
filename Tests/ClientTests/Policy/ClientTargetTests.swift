import SluiceClient
import Testing

@Suite struct ClientTargetTests {
  struct Valid: Sendable, CustomTestStringConvertible {
    let text: String
    let target: ClientTarget
    var testDescription: String { text }
  }

  static let valid: [Valid] = [
    Valid(text: "dns:///example.com:50051", target: .dns(host: "example.com", port: 50051)),
    Valid(text: "dns:///example.com", target: .dns(host: "example.com", port: 443)),
    Valid(text: "dns:example.com:8080", target: .dns(host: "example.com", port: 8080)),
    Valid(text: "localhost:50051", target: .dns(host: "localhost", port: 50051)),
    Valid(
      text: "sluice-ingest.default.svc", target: .dns(host: "sluice-ingest.default.svc", port: 443)),
    Valid(text: "127.0.0.1:80", target: .addresses([.ipv4(host: "127.0.0.1", port: 80)])),
    Valid(text: "[::1]:50051", target: .addresses([.ipv6(host: "::1", port: 50051)])),
    Valid(text: "[0:0::1]:50051", target: .addresses([.ipv6(host: "::1", port: 50051)])),
    Valid(text: "::1", target: .addresses([.ipv6(host: "::1", port: 443)])),
    Valid(text: "dns:///[::1]:9", target: .addresses([.ipv6(host: "::1", port: 9)])),
    Valid(
      text: "unix:/tmp/sluice.sock",
      target: .addresses([.unixDomainSocket(path: "/tmp/sluice.sock")])),
    Valid(
      text: "unix:relative.sock", target: .addresses([.unixDomainSocket(path: "relative.sock")])),
    Valid(
      text: "unix:///tmp/sluice.sock",
      target: .addresses([.unixDomainSocket(path: "/tmp/sluice.sock")])),
    Valid(
      text: "ipv4:1.2.3.4:80,5.6.7.8:80",
      target: .addresses([.ipv4(host: "1.2.3.4", port: 80), .ipv4(host: "5.6.7.8", port: 80)])),
    Valid(text: "ipv4:10.0.0.1", target: .addresses([.ipv4(host: "10.0.0.1", port: 443)])),
    Valid(
      text: "ipv6:[2001:db8::1]:50051,::2",
      target: .addresses([.ipv6(host: "2001:db8::1", port: 50051), .ipv6(host: "::2", port: 443)])),
  ]

  @Test(arguments: valid)
  func parses(_ example: Valid) throws {
    #expect(try ClientTarget(parsing: example.text) == example.target)
  }

  @Test func defaultPortCanBeChosen() throws {
    #expect(
      try ClientTarget(parsing: "example.com", defaultPort: 50051)
        == .dns(host: "example.com", port: 50051))
  }

  struct Invalid: Sendable, CustomTestStringConvertible {
    let text: String
    let problem: ClientTargetError.Problem
    var testDescription: String { text }
  }

  static let invalid: [Invalid] = [
    Invalid(text: "", problem: .empty),
    Invalid(text: "http://example.com", problem: .unsupportedScheme("http")),
    Invalid(text: "dns://8.8.8.8/example.com:443", problem: .authorityNotSupported("8.8.8.8")),
    Invalid(text: "dns:///", problem: .missingHost),
    Invalid(text: ":50051", problem: .missingHost),
    Invalid(text: "localhost:http", problem: .invalidPort("http")),
    Invalid(text: "localhost:", problem: .invalidPort("")),
    Invalid(text: "localhost:0", problem: .invalidPort("0")),
    Invalid(text: "localhost:65536", problem: .invalidPort("65536")),
    Invalid(text: "localhost:+80", problem: .invalidPort("+80")),
    Invalid(text: "exa mple.com:80", problem: .invalidHost("exa mple.com")),
    Invalid(text: "bad..name", problem: .invalidHost("bad..name")),
    Invalid(text: "[::1", problem: .invalidIPv6Address("[::1")),
    Invalid(text: "[::1]50051", problem: .invalidIPv6Address("[::1]50051")),
    Invalid(text: "[not-v6]:80", problem: .invalidIPv6Address("not-v6")),
    Invalid(text: "::1:zz", problem: .invalidIPv6Address("::1:zz")),
    Invalid(text: "unix:", problem: .missingPath),
    Invalid(text: "unix://host/path", problem: .authorityNotSupported("host")),
    Invalid(text: "unix:/" + String(repeating: "a", count: 120), problem: .pathTooLong(121)),
    Invalid(text: "ipv4:1.2.3:80", problem: .invalidIPv4Address("1.2.3")),
    Invalid(text: "ipv4:1.2.3.4:80,", problem: .emptyAddressList),
    Invalid(text: "ipv4:1.2.3.4:99999", problem: .invalidPort("99999")),
    Invalid(text: "ipv4:", problem: .emptyAddressList),
    Invalid(text: "ipv6:[::1]:80x", problem: .invalidPort("80x")),
    Invalid(text: "ipv6:1.2.3.4", problem: .invalidIPv6Address("1.2.3.4")),
  ]

  @Test(arguments: invalid)
  func rejects(_ example: Invalid) {
    #expect(throws: ClientTargetError(target: example.text, problem: example.problem)) {
      try ClientTarget(parsing: example.text)
    }
  }

  @Test func errorsNameTheTargetAndTheProblem() {
    let error = ClientTargetError(target: "localhost:http", problem: .invalidPort("http"))
    #expect(
      error.description
        == "invalid target \"localhost:http\": port \"http\" is not a number in 1...65535")
  }

  @Test func authorities() throws {
    #expect(try ClientTarget(parsing: "dns:///example.com:50051").authority == "example.com:50051")
    #expect(try ClientTarget(parsing: "[::1]:9").authority == "[::1]:9")
    #expect(try ClientTarget(parsing: "ipv4:1.2.3.4:80,5.6.7.8:81").authority == "1.2.3.4:80")
    #expect(try ClientTarget(parsing: "unix:/tmp/s").authority == "localhost")
  }

  @Test func addressesValidateAndCanonicalize() throws {
    #expect(try Address(ipAddress: "::ffff:1.2.3.4", port: 1).description == "[::ffff:1.2.3.4]:1")
    // Leading zeros are ambiguous (octal in some parsers), so they are rejected.
    #expect(throws: ClientTargetError.self) { try Address(ipAddress: "010.0.0.1", port: 1) }
    #expect(throws: ClientTargetError.self) { try Address(ipAddress: "1.2.3.4", port: 0) }
    #expect(
      throws: ClientTargetError(target: "999.1.1.1", problem: .invalidIPv4Address("999.1.1.1"))
    ) {
      try Address(ipAddress: "999.1.1.1", port: 80)
    }
    #expect(throws: ClientTargetError(target: "", problem: .missingPath)) {
      try Address(unixDomainSocketPath: "")
    }
  }
}

@Suite struct AddressResolverTests {
  @Test func fixedAddressesAreReturnedAsTheyAre() async throws {
    let addresses: [Address] = [.ipv4(host: "1.2.3.4", port: 80), .unixDomainSocket(path: "/s")]
    #expect(try await AddressResolver().resolve(.addresses(addresses)) == addresses)
  }

  @Test func localhostResolvesToLoopbackAddresses() async throws {
    let addresses = try await AddressResolver().resolve(host: "localhost", port: 50051)
    #expect(!addresses.isEmpty)
    let loopbacks: Set<Address> = [
      .ipv4(host: "127.0.0.1", port: 50051), .ipv6(host: "::1", port: 50051),
    ]
    #expect(addresses.allSatisfy { loopbacks.contains($0) }, "\(addresses)")
    #expect(Set(addresses).count == addresses.count)
  }

  @Test func numericHostsResolveWithoutDNS() async throws {
    #expect(
      try await AddressResolver().resolve(host: "10.1.2.3", port: 7) == [
        .ipv4(host: "10.1.2.3", port: 7)
      ])
  }
}
