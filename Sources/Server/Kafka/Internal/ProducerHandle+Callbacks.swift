internal import CRdKafka

// librdkafka's callbacks. Each recovers the `ProducerCore` from the configuration opaque
// (kept alive by the handle), hands it one event and returns; none blocks or awaits.
// Delivery reports and errors run on the poll thread inside `rd_kafka_poll`; log lines run
// on librdkafka's own threads.

/// `dr_msg_cb`: one message was acknowledged or failed.
func producerDeliveryReport(
  _ handle: OpaquePointer?, _ message: UnsafePointer<rd_kafka_message_t>?,
  _ opaque: UnsafeMutableRawPointer?
) {
  guard let message, let opaque, let tag = MessageTag(opaque: message.pointee._private) else {
    return
  }
  let core = Unmanaged<ProducerCore>.fromOpaque(opaque).takeUnretainedValue()
  let report = message.pointee
  core.delivered(
    tag, code: report.err,
    report: KafkaDeliveryReport(partition: report.partition, offset: report.offset))
}

/// `error_cb`: a client-level error (broker connections, fatal idempotence errors).
func producerError(
  _ handle: OpaquePointer?, _ code: Int32, _ reason: UnsafePointer<CChar>?,
  _ opaque: UnsafeMutableRawPointer?
) {
  guard let handle, let opaque else { return }
  let core = Unmanaged<ProducerCore>.fromOpaque(opaque).takeUnretainedValue()
  let text = reason.map { String(cString: $0) } ?? ""
  core.clientError(handle: handle, code: rd_kafka_resp_err_t(rawValue: code), reason: text)
}

/// `log_cb`: a log line, forwarded to the configuration's event handler.
func producerLog(
  _ handle: OpaquePointer?, _ level: Int32, _ facility: UnsafePointer<CChar>?,
  _ message: UnsafePointer<CChar>?
) {
  guard let handle, let opaque = rd_kafka_opaque(handle) else { return }
  let core = Unmanaged<ProducerCore>.fromOpaque(opaque).takeUnretainedValue()
  core.emit(
    .log(
      level: level, facility: facility.map { String(cString: $0) } ?? "",
      message: message.map { String(cString: $0) } ?? ""))
}
