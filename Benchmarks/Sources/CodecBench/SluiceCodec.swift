import SluiceModels
import SluiceRuntime

/// Sluice's generated code (`SluiceModels`, made by `SluiceCodegenPlugin` at build time).
struct SluiceCodec: CodecUnderTest {
  static let name = "sluice"

  private let event: Sluice_Bench_V1_Event
  private let batch: Sluice_Bench_V1_EventBatch
  private let eventBytes: [UInt8]
  private let batchBytes: [UInt8]

  init(event: EventFixture, batch: BatchFixture, eventBytes: [UInt8], batchBytes: [UInt8]) {
    self.event = Self.message(event)
    self.batch = Self.message(batch)
    self.eventBytes = eventBytes
    self.batchBytes = batchBytes
  }

  func encodeEvent() -> Int {
    let bytes = event.serializedBytes()
    return bytes.count &+ Int(bytes[bytes.count / 2])
  }

  func decodeEvent() throws -> Int {
    let decoded = try Sluice_Bench_V1_Event(serializedBytes: eventBytes)
    return decoded.id.utf8.count &+ decoded.attributes.count &+ decoded.data.count
  }

  func encodeBatch() -> Int {
    let bytes = batch.serializedBytes()
    return bytes.count &+ Int(bytes[bytes.count / 2])
  }

  func decodeBatch() throws -> Int {
    let decoded = try Sluice_Bench_V1_EventBatch(serializedBytes: batchBytes)
    return decoded.events.count &+ decoded.events[decoded.events.count / 2].data.count
  }

  static func encode(_ event: EventFixture) -> [UInt8] {
    message(event).serializedBytes()
  }

  static func encode(_ batch: BatchFixture) -> [UInt8] {
    message(batch).serializedBytes()
  }

  static func decodeEvent(_ bytes: [UInt8]) throws -> EventFixture {
    fixture(try Sluice_Bench_V1_Event(serializedBytes: bytes))
  }

  static func decodeBatch(_ bytes: [UInt8]) throws -> BatchFixture {
    let batch = try Sluice_Bench_V1_EventBatch(serializedBytes: bytes)
    return BatchFixture(events: batch.events.map(fixture), producer: batch.producer)
  }

  private static func message(_ fixture: EventFixture) -> Sluice_Bench_V1_Event {
    var event = Sluice_Bench_V1_Event()
    event.id = fixture.id
    event.source = fixture.source
    event.type = fixture.type
    event.subject = fixture.subject
    if let time = fixture.time {
      var timestamp = Google_Protobuf_Timestamp()
      timestamp.seconds = time.seconds
      timestamp.nanos = time.nanos
      event.time = timestamp
    }
    event.attributes = fixture.attributes
    event.data = fixture.data
    event.dataContentType = fixture.dataContentType
    event.sequence = fixture.sequence
    event.priority = Sluice_Bench_V1_Priority(rawValue: fixture.priority)
    return event
  }

  private static func message(_ fixture: BatchFixture) -> Sluice_Bench_V1_EventBatch {
    var batch = Sluice_Bench_V1_EventBatch()
    batch.events = fixture.events.map(message)
    batch.producer = fixture.producer
    return batch
  }

  private static func fixture(_ event: Sluice_Bench_V1_Event) -> EventFixture {
    EventFixture(
      id: event.id,
      source: event.source,
      type: event.type,
      subject: event.subject,
      time: event.time.map { EventFixture.Timestamp(seconds: $0.seconds, nanos: $0.nanos) },
      attributes: event.attributes,
      data: event.data,
      dataContentType: event.dataContentType,
      sequence: event.sequence,
      priority: event.priority.rawValue
    )
  }
}
