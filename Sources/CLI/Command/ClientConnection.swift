import SluiceClient
import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import SluiceTransport

/// The clients of one command, over one HTTP/2 connection to the server.
struct ClientConnection: Sendable {
  /// The settings it was made from.
  let settings: ClientSettings
  /// `sluice.v1.IngestService`.
  let ingest: Sluice_V1_IngestService.Client
  /// `sluice.v1.QueryService`.
  let query: Sluice_V1_QueryService.Client
  private let http2: HTTP2ClientTransport

  /// Connects lazily (on the first call). Throws when the TLS files cannot be loaded.
  init(settings: ClientSettings) throws(TLSError) {
    self.settings = settings
    let target: ConnectionTarget
    switch settings.server {
    case .host(let host, let port): target = .host(host, port: port)
    case .unixSocket(let path): target = .unixDomainSocket(path: path)
    }
    let security: HTTP2ClientTransport.Security
    switch settings.security {
    case .plaintext:
      security = .plaintext
    case .tls(let caFile, let certificateFile, let keyFile, let serverName):
      security = .tls(
        TLSClientConfiguration(
          trustRoots: caFile.map { .certificateFile($0) } ?? .system, serverName: serverName,
          certificateChainFile: certificateFile, privateKeyFile: keyFile))
    }
    var configuration = HTTP2ClientConnection.Configuration()
    configuration.connectTimeout = min(settings.timeout, configuration.connectTimeout)
    configuration.userAgent = "sluice-cli/1.0"
    http2 = try HTTP2ClientTransport(target: target, security: security, configuration: configuration)
    var transport: any ClientTransport = http2
    if let token = settings.token {
      transport = InterceptedClientTransport(
        wrapping: http2, interceptors: [BearerTokenClientInterceptor(token: token)])
    }
    ingest = Sluice_V1_IngestService.Client(transport: transport)
    query = Sluice_V1_QueryService.Client(transport: transport)
  }

  /// Options of a call bounded by `--timeout`.
  var callOptions: CallOptions {
    CallOptions(timeout: settings.timeout)
  }

  /// Closes the connection once its calls are done.
  func close() {
    http2.close()
  }
}
