/// Where Kafka stored one acknowledged event.
public struct KafkaDeliveryReport: Sendable, Hashable, CustomStringConvertible {
  /// The partition the event went to.
  public var partition: Int32
  /// The event's offset in that partition (`-1` when the broker did not return one).
  public var offset: Int64

  /// Creates a report.
  public init(partition: Int32, offset: Int64) {
    self.partition = partition
    self.offset = offset
  }

  public var description: String { "partition \(partition) offset \(offset)" }
}
