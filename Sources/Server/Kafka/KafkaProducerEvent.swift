/// Something the producer tells its owner for logging: a librdkafka log line, a change of
/// broker health, or a fresh librdkafka handle replacing a stuck one.
public enum KafkaProducerEvent: Sendable, Hashable, CustomStringConvertible {
  /// A librdkafka log line (`level` is syslog's: 0 emergency … 7 debug).
  case log(level: Int32, facility: String, message: String)
  /// The broker health changed.
  case healthChanged(KafkaHealth)
  /// The producer replaced its librdkafka handle; events still waiting in the old one
  /// failed with `.unavailable`.
  case handleReplaced(reason: String)

  public var description: String {
    switch self {
    case .log(let level, let facility, let message): "librdkafka[\(level)] \(facility): \(message)"
    case .healthChanged(let health): "Kafka health: \(health)"
    case .handleReplaced(let reason): "Kafka producer restarted: \(reason)"
    }
  }
}
