/// The settings every client command shares, resolved from flags, `SLUICE_*` variables
/// and the config file (``LayeredSettings``): `server`, `tls`, `tls-ca`, `tls-cert`,
/// `tls-key`, `tls-server-name`, `timeout` and `token`.
public struct ClientSettings: Sendable, Hashable {
  /// How the connection is secured.
  public enum Security: Sendable, Hashable {
    /// HTTP/2 over plain TCP (h2c).
    case plaintext
    /// TLS: the server's certificate is checked against `caFile` (nil: the system's
    /// store) and `serverName` (nil: the server's host); `certificateFile` and `keyFile`
    /// are the client's own identity for mutual TLS.
    case tls(caFile: String?, certificateFile: String?, keyFile: String?, serverName: String?)
  }

  /// The server.
  public var server: ServerAddress
  /// Plaintext or TLS.
  public var security: Security
  /// How long each call may take (tails excepted, they run until stopped).
  public var timeout: Duration
  /// The bearer token sent as `authorization: Bearer <token>`, if any.
  public var token: String?

  /// `127.0.0.1:50051`.
  public static let defaultServer = "127.0.0.1:50051"
  /// The deadline of a call when none is set.
  public static let defaultTimeout: Duration = .seconds(30)

  /// Resolves the settings; TLS is on with `tls` or any of the `tls-*` files.
  public init(_ settings: LayeredSettings) throws(SettingError) {
    if let (text, source) = settings.string("server") {
      server = try ServerAddress(parsing: text, source: source)
    } else {
      server = .host("127.0.0.1", port: ServerAddress.defaultPort)
    }
    let caFile = settings.string("tls-ca")?.value
    let certificate = settings.string("tls-cert")
    let key = settings.string("tls-key")
    let serverName = settings.string("tls-server-name")?.value
    switch (certificate, key) {
    case (.some(let (_, source)), nil):
      throw SettingError("\(source) needs --tls-key (the client certificate's private key)")
    case (nil, .some(let (_, source))):
      throw SettingError("\(source) needs --tls-cert (the client certificate)")
    default:
      break
    }
    let wantsTLS = try settings.bool("tls") ?? false
    if wantsTLS || caFile != nil || certificate != nil || serverName != nil {
      security = .tls(
        caFile: caFile, certificateFile: certificate?.value, keyFile: key?.value,
        serverName: serverName)
    } else {
      security = .plaintext
    }
    let timeout = try settings.duration("timeout")
    if let timeout, timeout <= .zero, let (text, source) = settings.string("timeout") {
      throw SettingError("\(source): \"\(text)\" must be longer than zero")
    }
    self.timeout = timeout ?? Self.defaultTimeout
    token = settings.string("token")?.value
  }
}
