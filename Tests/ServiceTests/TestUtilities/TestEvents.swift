import SluiceGenerated
import SluiceRuntime

/// Events and batches for the service tests.
enum TestEvents {
  /// Event times start here (2023-11-14T22:13:20Z), one second apart by default.
  static let baseSeconds: Int64 = 1_700_000_000

  /// A valid event `id` of `stream`, at `baseSeconds + second`.
  static func event(_ id: String, stream: String = "orders", second: Int64 = 0) -> Sluice_V1_Event {
    var event = Sluice_V1_Event()
    event.stream = stream
    event.id = id
    event.source = "/shop"
    event.type = "order.created"
    event.time = Google_Protobuf_Timestamp(seconds: baseSeconds + second)
    event.data = .textData("payload of \(id)")
    return event
  }

  /// A batch of valid events of `stream`, one second apart.
  static func request(_ ids: [String], stream: String = "orders", atomic: Bool = false)
    -> Sluice_V1_IngestRequest
  {
    var request = Sluice_V1_IngestRequest()
    request.events = ids.enumerated().map { event($1, stream: stream, second: Int64($0)) }
    request.atomic = atomic
    return request
  }

  /// A `CountEvents` request over the hour starting at `baseSeconds`.
  static func countRequest(streams: [String] = []) -> Sluice_V1_CountEventsRequest {
    var request = Sluice_V1_CountEventsRequest()
    request.streams = streams
    request.startTime = Google_Protobuf_Timestamp(seconds: baseSeconds - 60)
    request.endTime = Google_Protobuf_Timestamp(seconds: baseSeconds + 3_600)
    return request
  }
}
