import ArgumentParser
import Foundation
import SluiceCommandSupport

/// The options every client command takes: where the server is, TLS, the deadline and
/// the bearer token. Each falls back to its `SLUICE_*` environment variable.
struct ClientOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The server: host:port, [IPv6]:port, host (port 50051) or unix:PATH "
        + "(default 127.0.0.1:50051; $SLUICE_SERVER).", valueName: "host:port"))
  var server: String?

  @Flag(help: "Connect with TLS, trusting the system's CAs unless --tls-ca says otherwise ($SLUICE_TLS).")
  var tls = false

  @Option(name: .customLong("tls-ca"), help: ArgumentHelp("PEM file of the CAs to trust; implies --tls.", valueName: "file"))
  var tlsCA: String?

  @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM client certificate for mutual TLS; needs --tls-key.", valueName: "file"))
  var tlsCertificate: String?

  @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "file"))
  var tlsKey: String?

  @Option(
    name: .customLong("tls-server-name"),
    help: ArgumentHelp("The name the server's certificate must carry (default: the host of --server).", valueName: "name"))
  var tlsServerName: String?

  @Option(help: ArgumentHelp("How long each call may take: 500ms, 30s, 2m (default 30s).", valueName: "duration"))
  var timeout: String?

  @Option(
    help: ArgumentHelp(
      "A bearer token, sent as `authorization: Bearer <token>` (prefer $SLUICE_TOKEN: "
        + "arguments show in process lists).", valueName: "token"))
  var token: String?

  func validate() throws {
    _ = try resolve()
  }

  /// The settings from these flags and the environment.
  func resolve() throws -> ClientSettings {
    var flags: [String: [String]] = [:]
    flags["server"] = server.map { [$0] }
    flags["tls"] = tls ? ["true"] : nil
    flags["tls-ca"] = tlsCA.map { [$0] }
    flags["tls-cert"] = tlsCertificate.map { [$0] }
    flags["tls-key"] = tlsKey.map { [$0] }
    flags["tls-server-name"] = tlsServerName.map { [$0] }
    flags["timeout"] = timeout.map { [$0] }
    flags["token"] = token.map { [$0] }
    let settings = LayeredSettings(flags: flags, environment: ProcessInfo.processInfo.environment)
    do {
      return try ClientSettings(settings)
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// A connection to the server these options name.
  func connect() throws -> ClientConnection {
    let settings = try resolve()
    do {
      return try ClientConnection(settings: settings)
    } catch {
      throw ValidationError("TLS: \(error)")
    }
  }
}
