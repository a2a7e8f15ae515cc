internal import CRdKafka

extension KafkaProducerError {
  /// The error for a message `rd_kafka_producev` refused to enqueue.
  init(enqueueing code: rd_kafka_resp_err_t, topic: String) {
    let kind: Code
    let text: String
    switch code {
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:
      kind = .queueFull
      text = "librdkafka's local queue is full; shed load and retry later"
    case RD_KAFKA_RESP_ERR__FATAL:
      kind = .unavailable
      text = "the producer hit a fatal error and is restarting"
    default:
      kind = Self.classify(code)
      text = "cannot enqueue for topic \"\(topic)\": \(String(cString: rd_kafka_err2str(code)))"
    }
    self.init(code: kind, message: text, kafkaErrorName: String(cString: rd_kafka_err2name(code)))
  }

  /// The error for a failed delivery report.
  init(delivering code: rd_kafka_resp_err_t, closing: Bool) {
    let kind: Code
    let text: String
    switch code {
    case RD_KAFKA_RESP_ERR__PURGE_QUEUE, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, RD_KAFKA_RESP_ERR__DESTROY:
      kind = closing ? .closed : .unavailable
      text = closing
        ? "the producer closed before Kafka acknowledged the event"
        : "the producer restarted its librdkafka handle before Kafka acknowledged the event"
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
      kind = .unavailable
      text = "Kafka did not acknowledge the event within message.timeout.ms"
    default:
      kind = Self.classify(code)
      text = "delivery failed: \(String(cString: rd_kafka_err2str(code)))"
    }
    self.init(code: kind, message: text, kafkaErrorName: String(cString: rd_kafka_err2name(code)))
  }

  private static func classify(_ code: rd_kafka_resp_err_t) -> Code {
    switch code {
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:
      .queueFull
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE, RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE,
      RD_KAFKA_RESP_ERR_INVALID_RECORD, RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION,
      RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
      RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED,
      RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_POLICY_VIOLATION,
      RD_KAFKA_RESP_ERR__INVALID_ARG:
      .rejected
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT,
      RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN,
      RD_KAFKA_RESP_ERR__FATAL, RD_KAFKA_RESP_ERR__PURGE_QUEUE,
      RD_KAFKA_RESP_ERR__PURGE_INFLIGHT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
      RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
      RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
      .unavailable
    case RD_KAFKA_RESP_ERR__DESTROY:
      .closed
    default:
      .deliveryFailed
    }
  }
}
