import Foundation
import SluiceGenerated
import SluiceRuntime

/// Makes the benchmark's events: about 200 bytes each in protobuf (an order-created
/// CloudEvent with a small JSON text payload), all in stream `bench`, each with an id no
/// other event of the run has.
struct EventFactory: Sendable {
  private let template: Sluice_V1_Event

  /// A factory whose events carry the current time.
  init() {
    var event = Sluice_V1_Event()
    event.stream = "bench"
    event.source = "/bench/ingest-bench"
    event.type = "com.example.order.created"
    event.subject = "order-000042"
    event.time = Google_Protobuf_Timestamp(seconds: Self.nowSeconds(), nanos: 123_456_789)
    event.dataContentType = "application/json"
    event.data = .textData(#"{"order":42,"customer":"c-9817","amount":129.95,"currency":"EUR","items":3}"#)
    template = event
  }

  /// The protobuf size of one event (ids of the usual length).
  var eventBytes: Int {
    batch(tag: "s100r0abcdef", worker: 10, call: 1_000, size: 1).first?.serializedSize() ?? 0
  }

  /// `size` events whose ids start with `tag`, `worker` and `call`, so that no two calls
  /// of a run share an id.
  func batch(tag: String, worker: Int, call: Int, size: Int) -> [Sluice_V1_Event] {
    let prefix = "\(tag)-\(worker)-\(call)-"
    var events: [Sluice_V1_Event] = []
    events.reserveCapacity(size)
    for index in 0..<size {
      var event = template
      event.id = prefix + String(index)
      events.append(event)
    }
    return events
  }

  private static func nowSeconds() -> Int64 {
    Int64(Date().timeIntervalSince1970)
  }
}
