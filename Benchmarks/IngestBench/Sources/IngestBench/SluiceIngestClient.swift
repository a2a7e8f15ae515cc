import SluiceClient
import SluiceGenerated
import SluiceRuntime

/// Generated `IngestService` clients over `connections` HTTP/2 connections (one
/// ``HTTP2ClientTransport`` each) to the server; worker `n` calls through connection
/// `n % connections`.
final class SluiceIngestClient: Sendable {
  private let transports: [HTTP2ClientTransport]
  private let clients: [Sluice_V1_IngestService.Client]

  init(port: Int, connections: Int) throws {
    transports = try (0..<connections).map { _ in
      try HTTP2ClientTransport(target: .host("127.0.0.1", port: port))
    }
    clients = transports.map { Sluice_V1_IngestService.Client(transport: $0) }
  }

  /// One `Ingest` call; it succeeds when every event was accepted.
  func ingest(_ events: [Sluice_V1_Event], worker: Int) async -> CallOutcome {
    var request = Sluice_V1_IngestRequest()
    request.events = events
    do {
      let response = try await clients[worker % clients.count].ingest(
        request, options: CallOptions(timeout: .seconds(30)))
      guard response.accepted == Int32(events.count) else {
        return .failed(
          "accepted \(response.accepted) of \(events.count) (duplicates \(response.duplicates), "
            + "rejected \(response.rejected))")
      }
      return .ok(events: events.count)
    } catch {
      return .failed("\(error)")
    }
  }

  func close() {
    for transport in transports { transport.close() }
  }
}
