import SluiceCommandSupport
import Testing

@Suite("ClientSettings and ServerAddress")
struct ClientSettingsTests {
  func address(_ text: String) throws -> ServerAddress {
    try ServerAddress(parsing: text, source: .flag("server"))
  }

  func settings(_ flags: [String: [String]], environment: [String: String] = [:]) throws -> ClientSettings {
    try ClientSettings(LayeredSettings(flags: flags, environment: environment))
  }

  @Test func addresses() throws {
    #expect(try address("db.example:7000") == .host("db.example", port: 7000))
    #expect(try address("localhost") == .host("localhost", port: 50051))
    #expect(try address("[::1]:8443") == .host("::1", port: 8443))
    #expect(try address("[::1]") == .host("::1", port: 50051))
    #expect(try address("fe80::1") == .host("fe80::1", port: 50051))
    #expect(try address("unix:/run/sluice.sock") == .unixSocket(path: "/run/sluice.sock"))
    #expect(try address("[::1]:8443").description == "[::1]:8443")
  }

  @Test(arguments: ["host:0", "host:65536", "host:http", ":80", "http://host:80", "unix:", "[::1", "[::1]x"])
  func badAddresses(_ text: String) {
    #expect(throws: SettingError.self) { try address(text) }
  }

  @Test func defaultsArePlaintextLocalhostWithADeadline() throws {
    let resolved = try settings([:])
    #expect(resolved.server == .host("127.0.0.1", port: 50051))
    #expect(resolved.security == .plaintext)
    #expect(resolved.timeout == .seconds(30))
    #expect(resolved.token == nil)
  }

  @Test func environmentFillsWhatFlagsLeaveOut() throws {
    let resolved = try settings(
      ["server": ["flag-host:1"]],
      environment: ["SLUICE_SERVER": "env-host:2", "SLUICE_TOKEN": "t", "SLUICE_TIMEOUT": "2s", "SLUICE_TLS": "yes"])
    #expect(resolved.server == .host("flag-host", port: 1))
    #expect(resolved.token == "t")
    #expect(resolved.timeout == .seconds(2))
    #expect(resolved.security == .tls(caFile: nil, certificateFile: nil, keyFile: nil, serverName: nil))
  }

  @Test func tlsFilesImplyTLS() throws {
    let resolved = try settings([
      "tls-ca": ["ca.pem"], "tls-cert": ["c.pem"], "tls-key": ["c.key"], "tls-server-name": ["sluice"],
    ])
    #expect(resolved.security == .tls(caFile: "ca.pem", certificateFile: "c.pem", keyFile: "c.key", serverName: "sluice"))
  }

  @Test func mistakesNameTheirSource() {
    #expect(throws: SettingError("--tls-cert needs --tls-key (the client certificate's private key)")) {
      try settings(["tls-cert": ["c.pem"]])
    }
    #expect(throws: SettingError("$SLUICE_TLS_KEY needs --tls-cert (the client certificate)")) {
      try settings([:], environment: ["SLUICE_TLS_KEY": "k"])
    }
    #expect(throws: SettingError("--timeout: \"0s\" must be longer than zero")) {
      try settings(["timeout": ["0s"]])
    }
    #expect(throws: SettingError.self) { try settings(["server": ["x:y"]]) }
  }
}
