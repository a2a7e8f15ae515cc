/// What the producer knows about its brokers. The server fails calls fast with
/// `UNAVAILABLE` while the health is `.down`; in every other state events are queued in
/// librdkafka and calls wait for their delivery reports (bounded by their deadlines).
public enum KafkaHealth: Sendable, Hashable, CustomStringConvertible {
  /// Started; the first check of the brokers has not finished yet.
  case connecting
  /// A broker answered (a metadata request or a delivery report).
  case up
  /// librdkafka reported every broker connection down; a check is under way.
  case checking(reason: String)
  /// The last check could not reach any broker; checks repeat until one answers.
  case down(reason: String)

  /// Whether calls should be accepted: every state but `.down`.
  public var acceptsEvents: Bool {
    if case .down = self { return false }
    return true
  }

  public var description: String {
    switch self {
    case .connecting: "connecting"
    case .up: "up"
    case .checking(let reason): "checking (\(reason))"
    case .down(let reason): "down (\(reason))"
    }
  }
}
