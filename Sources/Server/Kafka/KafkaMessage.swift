/// One event to produce: topic, partition key, payload and metadata headers.
public struct KafkaMessage: Sendable, Hashable {
  /// The topic (see `TopicNaming`); unknown topics are created by the broker when its
  /// `auto.create.topics.enable` allows it.
  public var topic: String
  /// The Kafka key: the partitioner hashes it, so events with equal keys stay in order on
  /// one partition. `nil` lets librdkafka spread events over partitions.
  public var key: [UInt8]?
  /// The payload.
  public var value: [UInt8]
  /// Metadata carried beside the payload, in order; names may repeat.
  public var headers: [KafkaHeader]

  /// Creates a message.
  public init(topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = []) {
    self.topic = topic
    self.key = key
    self.value = value
    self.headers = headers
  }
}

/// One Kafka record header.
public struct KafkaHeader: Sendable, Hashable {
  /// The header name.
  public var name: String
  /// The header value (Kafka headers are bytes).
  public var value: [UInt8]

  /// Creates a header with a byte value.
  public init(name: String, value: [UInt8]) {
    self.name = name
    self.value = value
  }

  /// Creates a header whose value is the UTF-8 of `value`.
  public init(name: String, value: String) {
    self.init(name: name, value: Array(value.utf8))
  }
}
