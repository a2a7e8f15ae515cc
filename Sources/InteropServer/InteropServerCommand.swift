import ArgumentParser
import Dispatch
import SluiceGenerated
import SluiceRuntime
import SluiceServer

#if canImport(Glibc)
  import Glibc
#endif

/// `sluice-interop-server`: serves `grpc.testing.TestService` and `grpc.health.v1.Health`
/// over gRPC and Connect (h2c and HTTP/1.1) for the interop test clients.
@main
struct InteropServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sluice-interop-server",
    abstract: "Serves grpc.testing.TestService for gRPC interop tests.")

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0 picks a free one).")
  var port = 50051

  func run() async throws {
    let server = try Server(
      configuration: ServerConfiguration(host: host, port: port), services: Self.services())
    let (boundHost, boundPort) = try await server.start()
    print("listening on \(boundHost):\(boundPort)")
    fflush(nil)
    signal(SIGTERM, SIG_IGN)
    signal(SIGINT, SIG_IGN)
    let signals = [SIGTERM, SIGINT].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Task { await server.shutdown(gracePeriod: .seconds(5)) }
      }
      source.resume()
      return source
    }
    try await server.run()
    for source in signals { source.cancel() }
  }

  /// The services this server hosts.
  static func services() -> [any RPCService] {
    [
      InteropTestService(),
      HealthService(services: [InteropTestService.serviceDescriptor.fullName]),
    ]
  }
}
