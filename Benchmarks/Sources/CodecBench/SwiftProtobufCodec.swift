import SwiftProtobuf
import SwiftProtobufModels

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// swift-protobuf 1.39.0's generated code (`Sources/SwiftProtobufModels/bench.pb.swift`).
struct SwiftProtobufCodec: CodecUnderTest {
  static let name = "swift-protobuf"

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

  func encodeEvent() throws -> Int {
    let bytes: [UInt8] = try event.serializedBytes()
    return bytes.count &+ Int(bytes[bytes.count / 2])
  }

  func decodeEvent() throws -> Int {
    let decoded = try Sluice_Bench_V1_Event(serializedBytes: eventBytes)
    return decoded.id.utf8.count &+ decoded.attributes.count &+ decoded.data.count
  }

  func encodeBatch() throws -> Int {
    let bytes: [UInt8] = try batch.serializedBytes()
    return bytes.count &+ Int(bytes[bytes.count / 2])
  }

  func decodeBatch() throws -> Int {
    let decoded = try Sluice_Bench_V1_EventBatch(serializedBytes: batchBytes)
    return decoded.events.count &+ decoded.events[decoded.events.count / 2].data.count
  }

  static func encode(_ event: EventFixture) throws -> [UInt8] {
    try message(event).serializedBytes()
  }

  static func encode(_ batch: BatchFixture) throws -> [UInt8] {
    try message(batch).serializedBytes()
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
      event.time = Google_Protobuf_Timestamp(seconds: time.seconds, nanos: time.nanos)
    }
    event.attributes = fixture.attributes
    event.data = Data(fixture.data)
    if let type = fixture.dataContentType { event.dataContentType = type }
    if let sequence = fixture.sequence { event.sequence = sequence }
    event.priority = Sluice_Bench_V1_Priority(rawValue: Int(fixture.priority)) ?? .unspecified
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
      time: event.hasTime ? EventFixture.Timestamp(seconds: event.time.seconds, nanos: event.time.nanos) : nil,
      attributes: event.attributes,
      data: [UInt8](event.data),
      dataContentType: event.hasDataContentType ? event.dataContentType : nil,
      sequence: event.hasSequence ? event.sequence : nil,
      priority: Int32(event.priority.rawValue)
    )
  }
}
