import Foundation
public import SluiceTransport

/// Certificates made at test time with the `openssl` command-line tool, in a fresh
/// temporary directory: nothing is committed.
///
/// `shared` is built once per test process and never written to; tests that replace
/// files (reloads) copy what they need into their own `TLSTestPKI.scratchDirectory()`.
/// Shared by the transport and server tests.
public final class TLSTestPKI: Sendable {
  /// A certificate file, its key file and its serial number (upper-case hex).
  public struct Identity: Sendable {
    public var certificate: String
    public var key: String
    public var serial: String

    /// An identity from its files.
    public init(certificate: String, key: String, serial: String) {
      self.certificate = certificate
      self.key = key
      self.serial = serial
    }
  }

  /// The temporary directory holding everything.
  public let directory: String
  /// The trusted test CA.
  public let caCertificate: String
  /// A second CA nobody trusts.
  public let rogueCACertificate: String
  /// Server certificate for `localhost` and `127.0.0.1`, issued by the test CA.
  public let server: Identity
  /// A second server certificate with the same names and another serial.
  public let serverRenewed: Identity
  /// Client certificate `CN=client-1` with a SPIFFE URI, issued by the test CA.
  public let client: Identity
  /// Client certificate issued by the rogue CA.
  public let rogueClient: Identity
  /// Server certificate for `localhost` that expired in 2020, issued by the test CA.
  public let expiredServer: Identity
  /// Self-signed server certificate for `localhost`.
  public let selfSignedServer: Identity

  /// The process-wide set, made on first use.
  public static let shared: TLSTestPKI = {
    do {
      return try TLSTestPKI()
    } catch {
      preconditionFailure("cannot create test certificates with openssl: \(error)")
    }
  }()

  /// The SPIFFE ID in ``client``'s URI SAN.
  public static let clientSPIFFEID = "spiffe://sluice.test/client-1"

  private init() throws {
    let directory = try Self.scratchDirectory()
    self.directory = directory
    func path(_ name: String) -> String { "\(directory)/\(name)" }

    try Self.makeCA(name: "Sluice Test CA", at: path("ca"))
    try Self.makeCA(name: "Rogue CA", at: path("rogue-ca"))
    self.caCertificate = path("ca.pem")
    self.rogueCACertificate = path("rogue-ca.pem")

    let serverNames = "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
    self.server = try Self.issue(
      "localhost", serial: "1001", extensions: serverNames, ca: path("ca"), at: path("server"))
    self.serverRenewed = try Self.issue(
      "localhost", serial: "2002", extensions: serverNames, ca: path("ca"), at: path("server-renewed"))
    self.client = try Self.issue(
      "client-1", serial: "3003",
      extensions: "subjectAltName=URI:\(Self.clientSPIFFEID)\nextendedKeyUsage=clientAuth\n",
      ca: path("ca"), at: path("client"))
    self.rogueClient = try Self.issue(
      "client-1", serial: "4004", extensions: "extendedKeyUsage=clientAuth\n", ca: path("rogue-ca"),
      at: path("rogue-client"))
    self.expiredServer = try Self.issueExpired(
      "localhost", serial: "5005", extensions: serverNames, ca: path("ca"), at: path("expired"), in: directory)
    try Self.run([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", path("self-signed.key"), "-out", path("self-signed.pem"), "-days", "2",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
    ])
    let selfSignedSerial = try Self.run(["x509", "-in", path("self-signed.pem"), "-noout", "-serial"])
    self.selfSignedServer = Identity(
      certificate: path("self-signed.pem"), key: path("self-signed.key"),
      serial: String(selfSignedSerial.split(separator: "=").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// This process's folder of scratch directories, removed when the process exits.
  private static let root: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-tls-\(UUID().uuidString)").path
    atexit { try? FileManager.default.removeItem(atPath: TLSTestPKI.root) }
    return path
  }()

  /// A new empty temporary directory.
  public static func scratchDirectory() throws -> String {
    let path = "\(Self.root)/\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A server configuration over `identity` (default: `server`).
  public func serverConfiguration(
    _ identity: Identity? = nil,
    clientCA: String? = nil,
    requireClientCertificate: Bool = false,
    applicationProtocols: [String] = ["h2", "http/1.1"]
  ) -> TLSServerConfiguration {
    let identity = identity ?? self.server
    return TLSServerConfiguration(
      certificateChainFile: identity.certificate, privateKeyFile: identity.key, clientCAFile: clientCA,
      requireClientCertificate: requireClientCertificate, applicationProtocols: applicationProtocols)
  }

  /// A client configuration trusting the test CA and verifying `serverName`.
  public func clientConfiguration(
    serverName: String? = "localhost",
    identity: Identity? = nil,
    applicationProtocols: [String] = ["h2"],
    requireApplicationProtocol: Bool = true
  ) -> TLSClientConfiguration {
    TLSClientConfiguration(
      trustRoots: .certificateFile(self.caCertificate), serverName: serverName,
      certificateChainFile: identity?.certificate, privateKeyFile: identity?.key,
      applicationProtocols: applicationProtocols, requireApplicationProtocol: requireApplicationProtocol)
  }

  private static func makeCA(name: String, at base: String) throws {
    try run([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", "\(base).key", "-out", "\(base).pem", "-days", "2", "-subj", "/CN=\(name)",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ])
  }

  private static func issue(
    _ commonName: String, serial: String, extensions: String, ca: String, at base: String
  ) throws -> Identity {
    try request(commonName, at: base)
    try extensions.write(toFile: "\(base).ext", atomically: true, encoding: .utf8)
    try run([
      "x509", "-req", "-in", "\(base).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key",
      "-set_serial", "0x\(serial)", "-days", "2", "-extfile", "\(base).ext", "-out", "\(base).pem",
    ])
    return Identity(certificate: "\(base).pem", key: "\(base).key", serial: serial)
  }

  /// `openssl x509` cannot back-date; `openssl ca` takes explicit validity dates.
  private static func issueExpired(
    _ commonName: String, serial: String, extensions: String, ca: String, at base: String, in directory: String
  ) throws -> Identity {
    try request(commonName, at: base)
    try extensions.write(toFile: "\(base).ext", atomically: true, encoding: .utf8)
    try "".write(toFile: "\(directory)/index.txt", atomically: true, encoding: .utf8)
    try "\(serial)\n".write(toFile: "\(directory)/serial", atomically: true, encoding: .utf8)
    let configuration = """
      [ca]
      default_ca = test_ca
      [test_ca]
      database = \(directory)/index.txt
      new_certs_dir = \(directory)
      certificate = \(ca).pem
      private_key = \(ca).key
      serial = \(directory)/serial
      default_md = sha256
      policy = any_name
      unique_subject = no
      [any_name]
      commonName = supplied

      """
    try configuration.write(toFile: "\(directory)/ca.cnf", atomically: true, encoding: .utf8)
    try run([
      "ca", "-batch", "-notext", "-config", "\(directory)/ca.cnf", "-in", "\(base).csr", "-out", "\(base).pem",
      "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", "-extfile", "\(base).ext",
    ])
    return Identity(certificate: "\(base).pem", key: "\(base).key", serial: serial)
  }

  private static func request(_ commonName: String, at base: String) throws {
    try run([
      "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", "\(base).key", "-out", "\(base).csr", "-subj", "/CN=\(commonName)",
    ])
  }

  /// Runs `openssl` with `arguments`; returns its standard output.
  @discardableResult
  public static func run(_ arguments: [String]) throws -> String {
    try TLSTestProcessRunner.run("/usr/bin/openssl", arguments).standardOutput
  }
}
