internal import CRdKafka

/// Owns one librdkafka producer (`rd_kafka_t`) and its main queue; frees both in `deinit`.
/// The producer may replace its handle (see `HealthMachine`), so there can briefly be two.
///
/// The configuration's opaque points at the `ProducerCore`, which this handle keeps alive,
/// so librdkafka's callbacks can always reach it.
final class ProducerHandle: @unchecked Sendable {
  // librdkafka's handle is thread-safe; this class only stores immutable pointers.
  let pointer: OpaquePointer
  private let mainQueue: OpaquePointer
  private let core: ProducerCore

  /// Creates a producer from `properties`; a property librdkafka refuses, or a combination
  /// `rd_kafka_new` refuses, becomes `.invalidConfiguration` with librdkafka's own words.
  init(
    core: ProducerCore, properties: [(name: String, value: String)], forwardLogs: Bool
  ) throws(KafkaProducerError) {
    guard let configuration = rd_kafka_conf_new() else {
      throw KafkaProducerError(code: .invalidConfiguration, message: "rd_kafka_conf_new failed")
    }
    var errorText = [CChar](repeating: 0, count: 512)
    for (name, value) in properties {
      let result = rd_kafka_conf_set(configuration, name, value, &errorText, errorText.count)
      if result != RD_KAFKA_CONF_OK {
        rd_kafka_conf_destroy(configuration)
        let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw KafkaProducerError(
          code: .invalidConfiguration, message: "property \"\(name)\" = \"\(value)\": \(detail)")
      }
    }
    rd_kafka_conf_set_opaque(configuration, Unmanaged.passUnretained(core).toOpaque())
    rd_kafka_conf_set_dr_msg_cb(configuration, producerDeliveryReport)
    rd_kafka_conf_set_error_cb(configuration, producerError)
    if forwardLogs {
      rd_kafka_conf_set_log_cb(configuration, producerLog)
    }
    // On success rd_kafka_new takes the configuration; on failure it stays ours.
    guard let handle = rd_kafka_new(RD_KAFKA_PRODUCER, configuration, &errorText, errorText.count)
    else {
      rd_kafka_conf_destroy(configuration)
      let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw KafkaProducerError(code: .invalidConfiguration, message: "rd_kafka_new: \(detail)")
    }
    guard let queue = rd_kafka_queue_get_main(handle) else {
      rd_kafka_destroy(handle)
      throw KafkaProducerError(code: .invalidConfiguration, message: "rd_kafka_queue_get_main failed")
    }
    self.pointer = handle
    self.mainQueue = queue
    self.core = core
  }

  deinit {
    rd_kafka_queue_destroy(mainQueue)
    rd_kafka_destroy(pointer)
  }

  /// Enqueues one message tagged with `tag`; returns librdkafka's error code.
  func enqueue(
    topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader], tag: MessageTag
  ) -> rd_kafka_resp_err_t {
    var headerList: OpaquePointer? = nil
    if !headers.isEmpty {
      headerList = rd_kafka_headers_new(headers.count)
      for header in headers {
        header.value.withUnsafeBytes { bytes in
          _ = rd_kafka_header_add(
            headerList, header.name, Int(header.name.utf8.count),
            bytes.baseAddress ?? Self.emptyBytes, bytes.count)
        }
      }
    }
    let result = topic.withCString { topicName in
      value.withUnsafeBytes { valueBytes in
        Self.withOptionalBytes(key) { keyBytes, keyCount in
          csluice_rd_kafka_producev(
            pointer, topicName, CSLUICE_RD_KAFKA_PARTITION_UA,
            keyBytes, keyCount,
            // An empty payload is an empty value, not a null one (a Kafka tombstone).
            valueBytes.baseAddress ?? Self.emptyBytes, valueBytes.count,
            headerList, tag.opaque, RD_KAFKA_MSG_F_COPY)
        }
      }
    }
    if result != RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
      rd_kafka_headers_destroy(headerList)
    }
    return result
  }

  /// Serves delivery reports and errors for up to `timeout` (the callbacks run here).
  func poll(timeout: Duration) {
    let milliseconds = max(0, min(Int(timeout.milliseconds), Int(Int32.max)))
    rd_kafka_poll(pointer, Int32(milliseconds))
  }

  /// Makes a `poll` in progress on another thread return now.
  func wakePoller() {
    rd_kafka_queue_yield(mainQueue)
  }

  /// Drops every message still queued or in flight; their reports say `_PURGE_*`.
  func purge() {
    _ = rd_kafka_purge(
      pointer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING)
  }

  /// Messages, requests and reports librdkafka still holds.
  var outstanding: Int { Int(rd_kafka_outq_len(pointer)) }

  /// Asks a broker for cluster metadata: `nil` when one answered in time, else why not.
  func probe(timeout: Duration) -> String? {
    let milliseconds = Int32(max(1, min(Int(timeout.milliseconds), Int(Int32.max))))
    var metadata: UnsafePointer<rd_kafka_metadata>? = nil
    // all_topics 0 and no topic: a metadata request for the brokers only.
    let result = rd_kafka_metadata(pointer, 0, nil, &metadata, milliseconds)
    if let metadata { rd_kafka_metadata_destroy(metadata) }
    if result == RD_KAFKA_RESP_ERR_NO_ERROR { return nil }
    return String(cString: rd_kafka_err2str(result))
  }

  /// The value of configuration property `name` in force for this handle.
  func property(_ name: String) -> String? {
    guard let configuration = rd_kafka_conf(pointer) else { return nil }
    var size = 0
    guard rd_kafka_conf_get(configuration, name, nil, &size) == RD_KAFKA_CONF_OK else { return nil }
    var text = [CChar](repeating: 0, count: size + 1)
    guard rd_kafka_conf_get(configuration, name, &text, &size) == RD_KAFKA_CONF_OK else { return nil }
    return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The fatal error librdkafka raised, if any.
  func fatalError() -> String? {
    var errorText = [CChar](repeating: 0, count: 512)
    let code = rd_kafka_fatal_error(pointer, &errorText, errorText.count)
    guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
    return String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A one-byte buffer standing in for empty byte arrays, which have no address.
  nonisolated(unsafe) private static let emptyBytes = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

  private static func withOptionalBytes<Result>(
    _ bytes: [UInt8]?, _ body: (UnsafeRawPointer?, Int) -> Result
  ) -> Result {
    guard let bytes else { return body(nil, 0) }
    return bytes.withUnsafeBytes { body($0.baseAddress ?? emptyBytes, $0.count) }
  }
}

extension Duration {
  /// The duration in whole milliseconds, rounded up so a short wait is not a busy poll.
  var milliseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
  }
}
