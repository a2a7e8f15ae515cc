public import SluiceGenerated

/// One event as the store keeps it: the columns queries filter and sort on, and the
/// event's protobuf encoding as accepted (with the server-set fields filled in).
public struct EventRecord: Sendable, Hashable {
  /// The stream the event belongs to.
  public var stream: String
  /// The event's id, unique within the stream.
  public var id: String
  /// The event's source.
  public var source: String
  /// The event's type.
  public var type: String
  /// The event's subject (empty when it has none).
  public var subject: String
  /// The Kafka key the producer chose (empty: the id is the key).
  public var partitionKey: String
  /// The event time, microseconds since the Unix epoch (the ingest time when the
  /// producer sent none).
  public var timeMicros: Int64
  /// When the service accepted the event, microseconds since the Unix epoch.
  public var ingestMicros: Int64
  /// The whole event, protobuf-encoded, with `time` and `ingest_time` set and
  /// `sequence` left 0 (the store assigns it).
  public var payload: [UInt8]

  /// The record of a validated event accepted at `ingestMicros`.
  public init(event: Sluice_V1_Event, ingestMicros: Int64) {
    var stored = event
    let ingestTime = Timestamps.timestamp(micros: ingestMicros)
    if stored.time == nil {
      stored.time = ingestTime
    }
    stored.ingestTime = ingestTime
    stored.sequence = 0
    stream = event.stream
    id = event.id
    source = event.source
    type = event.type
    subject = event.subject
    partitionKey = event.partitionKey
    timeMicros = Timestamps.micros(stored.time ?? ingestTime)
    self.ingestMicros = ingestMicros
    payload = stored.serializedBytes()
  }

  /// The event back from a stored payload and its sequence.
  public static func event(payload: [UInt8], sequence: Int64) throws(ProtoDecodingError)
    -> Sluice_V1_Event
  {
    var event = try Sluice_V1_Event(serializedBytes: payload)
    event.sequence = sequence
    return event
  }
}
