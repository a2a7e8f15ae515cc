/// Why a Kafka producer call failed. `code` says what the caller should do; `message` says
/// what happened, in words fit for a log line or an RPC status message.
public struct KafkaProducerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure, chosen so that each maps onto one RPC status.
  public enum Code: Sendable, Hashable, CustomStringConvertible {
    /// A librdkafka property or a Sluice setting is wrong; the producer was not created.
    case invalidConfiguration
    /// librdkafka's local queue is full (`queue.buffering.max.messages` or `.kbytes`):
    /// the caller should shed load (RPC status `RESOURCE_EXHAUSTED`).
    case queueFull
    /// No broker acknowledged the event: all brokers are down, the message timed out in
    /// librdkafka, or the producer restarted after an outage (RPC status `UNAVAILABLE`).
    case unavailable
    /// The call's deadline passed before Kafka acknowledged every event, while brokers
    /// were reachable (RPC status `DEADLINE_EXCEEDED`).
    case deadlineExceeded
    /// Kafka refused the event for good: message too large, illegal or unauthorized topic
    /// (RPC status `INVALID_ARGUMENT` or `FAILED_PRECONDITION`); retrying will not help.
    case rejected
    /// Any other error reported by librdkafka for a delivery (RPC status `INTERNAL`).
    case deliveryFailed
    /// The producer is closing or closed (RPC status `UNAVAILABLE`).
    case closed

    public var description: String {
      switch self {
      case .invalidConfiguration: "invalid configuration"
      case .queueFull: "queue full"
      case .unavailable: "unavailable"
      case .deadlineExceeded: "deadline exceeded"
      case .rejected: "rejected"
      case .deliveryFailed: "delivery failed"
      case .closed: "closed"
      }
    }
  }

  /// The kind of failure.
  public var code: Code
  /// What happened.
  public var message: String
  /// librdkafka's name for the underlying error (`rd_kafka_err2name`, such as
  /// `_QUEUE_FULL` or `MSG_SIZE_TOO_LARGE`), when the failure came from librdkafka.
  public var kafkaErrorName: String?

  /// Creates an error.
  public init(code: Code, message: String, kafkaErrorName: String? = nil) {
    self.code = code
    self.message = message
    self.kafkaErrorName = kafkaErrorName
  }

  public var description: String {
    if let kafkaErrorName {
      return "Kafka producer: \(code): \(message) (\(kafkaErrorName))"
    }
    return "Kafka producer: \(code): \(message)"
  }
}
