import Foundation
import SluiceApp
import SluiceClient
import SluiceGenerated
import SluiceObservability
import SluiceRuntime
import SluiceServer
import Synchronization

/// A ``SluiceService`` started in this process on a free port, with typed clients calling
/// it over a real HTTP/2 connection.
struct RunningService {
  let service: SluiceService
  let port: Int
  let transport: HTTP2ClientTransport
  let ingest: Sluice_V1_IngestService.Client
  let query: Sluice_V1_QueryService.Client
  /// The service's start-up and shutdown lines.
  let log: LogLines

  /// `http://127.0.0.1:PORT`, for curl.
  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// A configuration for tests: a free port, `databaseURL`, Kafka on `kafkaBrokers` when
  /// given, a short grace time.
  static func configuration(databaseURL: String, kafkaBrokers: String? = nil) -> ServiceConfiguration {
    ServiceConfiguration(
      server: ServerConfiguration(host: "127.0.0.1", port: 0), databaseURL: databaseURL,
      kafkaBrokers: kafkaBrokers, writersMinimum: 1, writersMaximum: 4,
      shutdownGracePeriod: .seconds(5))
  }

  /// Starts a service for `configuration`.
  static func start(_ configuration: ServiceConfiguration) async throws -> RunningService {
    let log = LogLines()
    let service = SluiceService(configuration: configuration, log: log.append)
    let address = try await service.start()
    let transport = try HTTP2ClientTransport(target: .host("127.0.0.1", port: address.port))
    return RunningService(
      service: service, port: address.port, transport: transport,
      ingest: Sluice_V1_IngestService.Client(transport: transport),
      query: Sluice_V1_QueryService.Client(transport: transport), log: log)
  }

  /// Starts one service per configuration, all at once; when one fails, stops the others.
  static func startAll(_ configurations: [ServiceConfiguration]) async throws -> [RunningService] {
    let results = await withTaskGroup(of: (Int, Result<RunningService, any Error>).self) { group in
      for (index, configuration) in configurations.enumerated() {
        group.addTask {
          do {
            return (index, .success(try await start(configuration)))
          } catch {
            return (index, .failure(error))
          }
        }
      }
      return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
    }
    var started: [RunningService] = []
    var failure: (any Error)?
    for index in configurations.indices {
      switch results[index] {
      case .success(let service): started.append(service)
      case .failure(let error): failure = error
      case nil: break
      }
    }
    if let failure {
      for service in started { await service.stop() }
      throw failure
    }
    return started
  }

  /// Closes the clients and shuts the service down.
  func stop() async {
    transport.close()
    await service.shutdown()
  }

  /// Runs `body` with a started service and shuts it down afterwards, also when `body` throws.
  static func with<Result>(
    _ configuration: ServiceConfiguration, _ body: (RunningService) async throws -> Result
  ) async throws -> Result {
    let running = try await start(configuration)
    do {
      let result = try await body(running)
      await running.stop()
      return result
    } catch {
      await running.stop()
      throw error
    }
  }

  /// The value of `sluice_events_total{stream, outcome}` in the service's metrics.
  func eventCount(stream: String, outcome: String) -> Int {
    let exposition = String(decoding: service.metrics.exposition(), as: UTF8.self)
    for line in exposition.split(separator: "\n") where line.hasPrefix("sluice_events_total{") {
      guard line.contains("stream=\"\(stream)\""), line.contains("outcome=\"\(outcome)\""),
        let value = line.split(separator: " ").last
      else { continue }
      return Int(Double(value) ?? -1)
    }
    return 0
  }
}

/// Lines a service logged, kept for failure messages.
final class LogLines: Sendable {
  private let lines = Mutex<[String]>([])

  /// Adds one line.
  var append: @Sendable (String) -> Void {
    { [self] line in lines.withLock { $0.append(line) } }
  }

  /// Every line so far.
  var all: [String] { lines.withLock { $0 } }

  /// Every line so far, one per line.
  var text: String { lines.withLock { $0.joined(separator: "\n") } }
}
