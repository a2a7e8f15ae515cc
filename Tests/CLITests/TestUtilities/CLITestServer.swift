import Foundation
import SluiceGenerated
import SluiceIngest
import SluiceRuntime
import SluiceServer
import SluiceTestSupport
import SluiceTransport

/// A Sluice server for one test: `IngestService` and `QueryService` over an in-memory
/// store, on 127.0.0.1 and an ephemeral port, its tail hub polling every 20 ms.
final class CLITestServer: Sendable {
  /// The bearer token the server demands when started with one.
  static let token = "s3cret-token"

  /// Where the services keep events.
  let store: InMemoryEventStore
  let server: Server
  let port: Int
  private let hubTask: Task<Void, Never>

  /// `host:port` for `--server`.
  var address: String { "127.0.0.1:\(port)" }

  private init(server: Server, port: Int, hubTask: Task<Void, Never>, store: InMemoryEventStore) {
    self.server = server
    self.port = port
    self.hubTask = hubTask
    self.store = store
  }

  /// Starts a server; with `requireToken`, calls need `Bearer <token>`; with `tls`, it
  /// serves TLS only.
  static func start(requireToken: Bool = false, tls: TLSServerConfiguration? = nil) async throws
    -> CLITestServer
  {
    let store = InMemoryEventStore()
    let hub = TailHub(reader: store, pollInterval: .milliseconds(20))
    let pipeline = IngestPipeline(
      validator: EventValidator(limits: IngestLimits()), store: store, publisher: nil,
      clock: { Int64(Date().timeIntervalSince1970 * 1_000_000) })
    var interceptors: [any ServerInterceptor] = []
    if requireToken {
      interceptors.append(
        BearerTokenServerInterceptor<String> { token, _ in token == Self.token ? "tester" : nil })
    }
    var configuration = ServerConfiguration(port: 0)
    configuration.tls = tls
    configuration.allowPlaintext = tls == nil
    let server = try Server(
      configuration: configuration,
      services: [IngestService(pipeline: pipeline), QueryService(reader: store, tailHub: hub)],
      interceptors: interceptors)
    let (_, port) = try await server.start()
    let hubTask = Task { await hub.run() }
    return CLITestServer(server: server, port: port, hubTask: hubTask, store: store)
  }

  func stop() async {
    hubTask.cancel()
    await server.shutdown(gracePeriod: .seconds(1))
  }
}
