import Foundation

/// Certificates made at test time with the `openssl` command-line tool in a fresh
/// temporary directory (nothing is committed): a CA, two server certificates for
/// `localhost` and `127.0.0.1` with different serials, and a client certificate with a
/// SPIFFE URI.
struct ServerTestPKI: Sendable {
  /// A certificate file, its key file and its serial number (upper-case hex).
  struct Identity: Sendable {
    var certificate: String
    var key: String
    var serial: String
  }

  /// The temporary directory holding everything.
  let directory: String
  /// The trusted test CA.
  let caCertificate: String
  /// Server certificate, serial 1001.
  let server: Identity
  /// Another server certificate with the same names, serial 2002.
  let serverRenewed: Identity
  /// Client certificate `CN=client-1` with URI `spiffe://sluice.test/client-1`.
  let client: Identity

  /// The process-wide set, made on first use.
  static let shared: ServerTestPKI = {
    do {
      return try ServerTestPKI()
    } catch {
      preconditionFailure("cannot create test certificates with openssl: \(error)")
    }
  }()

  /// The SPIFFE ID in ``client``.
  static let clientSPIFFEID = "spiffe://sluice.test/client-1"

  private init() throws {
    let directory = try Self.scratchDirectory()
    self.directory = directory
    let ca = "\(directory)/ca"
    try Self.openssl([
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2", "-subj", "/CN=Sluice Test CA",
      "-addext", "basicConstraints=critical,CA:TRUE",
      "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ])
    caCertificate = "\(ca).pem"
    let serverNames = "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
    server = try Self.issue(
      "localhost", serial: "1001", extensions: serverNames, ca: ca, at: "\(directory)/server")
    serverRenewed = try Self.issue(
      "localhost", serial: "2002", extensions: serverNames, ca: ca,
      at: "\(directory)/server-renewed")
    client = try Self.issue(
      "client-1", serial: "3003",
      extensions: "subjectAltName=URI:\(Self.clientSPIFFEID)\nextendedKeyUsage=clientAuth\n",
      ca: ca, at: "\(directory)/client")
  }

  /// A new empty temporary directory, removed when the process exits.
  static func scratchDirectory() throws -> String {
    let path = "\(root)/\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private static let root: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-server-tls-\(UUID().uuidString)").path
    atexit { try? FileManager.default.removeItem(atPath: ServerTestPKI.root) }
    return path
  }()

  private static func issue(
    _ commonName: String, serial: String, extensions: String, ca: String, at base: String
  ) throws -> Identity {
    try openssl([
      "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", "\(base).key", "-out", "\(base).csr", "-subj", "/CN=\(commonName)",
    ])
    try extensions.write(toFile: "\(base).ext", atomically: true, encoding: .utf8)
    try openssl([
      "x509", "-req", "-in", "\(base).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key",
      "-set_serial", "0x\(serial)", "-days", "2", "-extfile", "\(base).ext", "-out", "\(base).pem",
    ])
    return Identity(certificate: "\(base).pem", key: "\(base).key", serial: serial)
  }

  /// An `openssl` run that failed.
  struct OpenSSLFailure: Error {
    var arguments: [String]
    var status: Int32
  }

  private static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw OpenSSLFailure(arguments: arguments, status: process.terminationStatus)
    }
  }
}
