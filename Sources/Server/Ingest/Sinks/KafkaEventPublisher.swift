public import CoreMetrics
public import SluiceKafka
public import SluiceRuntime
import SluiceObservability

/// Publishes accepted events to Kafka, one message per event, and returns when every
/// message is acknowledged (the producer is idempotent with acks=all).
///
/// The message key is the event's partition key, or its id without one; the value is the
/// stored event in protobuf (`sluice.v1.Event`); headers carry the CloudEvents attributes
/// a consumer routes on (`ce_id`, `ce_source`, `ce_type`, `ce_subject`), the stream
/// (`sluice_stream`) and the content type, so consumers can filter and deduplicate by
/// (stream, id) without decoding.
public struct KafkaEventPublisher: EventPublisher {
  /// The process's producer.
  public let producer: KafkaProducer
  /// Which topic each stream goes to.
  public let naming: TopicNaming
  /// Where produce latency, errors and messages in flight are recorded.
  public let metrics: any MetricsFactory
  private let inFlight: Meter
  private let produceDuration: Timer
  /// How long a call without a deadline waits for acknowledgements.
  public static let defaultTimeout: Duration = .seconds(30)

  /// The content type header of every message.
  static let contentType = "application/protobuf; proto=sluice.v1.Event"

  /// A publisher through `producer`.
  public init(
    producer: KafkaProducer, naming: TopicNaming, metrics: any MetricsFactory = MetricsSystem.factory
  ) {
    self.producer = producer
    self.naming = naming
    self.metrics = metrics
    inFlight = Meter(label: MetricNames.kafkaInFlight, factory: metrics)
    produceDuration = Timer(label: MetricNames.kafkaProduceDuration, factory: metrics)
  }

  /// Produces one message per record and waits for all acknowledgements.
  public func publish(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError)
  {
    guard !records.isEmpty else { return }
    let messages = records.map(message)
    inFlight.increment(by: Double(messages.count))
    defer { inFlight.decrement(by: Double(messages.count)) }
    let started = ContinuousClock.now
    do {
      _ = try await producer.produce(messages, deadline: deadline ?? started + Self.defaultTimeout)
      produceDuration.recordNanoseconds(Self.nanoseconds(started.duration(to: .now)))
    } catch let error as KafkaProducerError {
      Counter(
        label: MetricNames.kafkaProduceErrors, dimensions: [("reason", "\(error.code)")],
        factory: metrics
      ).increment()
      throw Self.rpcError(error)
    } catch {
      throw RPCError(error)
    }
  }

  /// The Kafka message of one record: topic, key, value and headers as described above.
  public func message(_ record: EventRecord) -> KafkaMessage {
    var headers = [
      KafkaHeader(name: "content-type", value: Self.contentType),
      KafkaHeader(name: "sluice_stream", value: record.stream),
      KafkaHeader(name: "ce_specversion", value: "1.0"),
      KafkaHeader(name: "ce_id", value: record.id),
      KafkaHeader(name: "ce_source", value: record.source),
      KafkaHeader(name: "ce_type", value: record.type),
    ]
    if !record.subject.isEmpty {
      headers.append(KafkaHeader(name: "ce_subject", value: record.subject))
    }
    let key = record.partitionKey.isEmpty ? record.id : record.partitionKey
    return KafkaMessage(
      topic: naming.topic(forStream: record.stream), key: Array(key.utf8), value: record.payload,
      headers: headers)
  }

  /// The status a producer failure answers a call with.
  static func rpcError(_ error: KafkaProducerError) -> RPCError {
    switch error.code {
    case .queueFull:
      RPCError(code: .resourceExhausted, message: "the Kafka producer queue is full; retry later")
    case .unavailable, .closed:
      RPCError(code: .unavailable, message: "Kafka is unavailable: \(error.message)")
    case .deadlineExceeded:
      RPCError(code: .deadlineExceeded, message: "the deadline passed before Kafka acknowledged")
    case .rejected:
      RPCError(code: .invalidArgument, message: "Kafka refused an event: \(error.message)")
    case .deliveryFailed, .invalidConfiguration:
      RPCError(code: .internal, message: "Kafka delivery failed: \(error.message)")
    }
  }

  static func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
