internal import CRdKafka
import Testing

/// Proves librdkafka links, a producer handle can be made from a config, and the
/// `rd_kafka_producev` shim enqueues a message whose delivery report carries the
/// opaque back. No broker is needed: the queued message is purged.
@Suite("CRdKafka")
struct RdKafkaTests {
  @Test("rd_kafka_version_str reports a 2.x library")
  func version() {
    let text = String(cString: rd_kafka_version_str())
    #expect(text.hasPrefix("2."))
    #expect(rd_kafka_version() >= 0x0200_0200)
  }

  @Test("a producer enqueues through the shim and reports the purge")
  func produceAndPurge() throws {
    let configuration = try #require(rd_kafka_conf_new())
    try Self.set(configuration, "client.id", "sluice-system-library-tests")
    try Self.set(configuration, "bootstrap.servers", "127.0.0.1:9")
    try Self.set(configuration, "log_level", "0")
    rd_kafka_conf_set_dr_msg_cb(configuration) { _, message, _ in
      guard let message = message?.pointee, let opaque = message._private else { return }
      Unmanaged<DeliveryBox>.fromOpaque(opaque).takeUnretainedValue().errors.append(message.err)
    }

    var errorText = [CChar](repeating: 0, count: 512)
    guard let producer = rd_kafka_new(RD_KAFKA_PRODUCER, configuration, &errorText, errorText.count) else {
      rd_kafka_conf_destroy(configuration)
      Issue.record("rd_kafka_new failed: \(String(cBuffer: errorText))")
      return
    }
    defer { rd_kafka_destroy(producer) }

    let headers = try #require(rd_kafka_headers_new(1))
    #expect(rd_kafka_header_add(headers, "trace", -1, "abc", 3) == RD_KAFKA_RESP_ERR_NO_ERROR)

    let box = DeliveryBox()
    let key: [UInt8] = Array("k".utf8)
    let value: [UInt8] = Array("payload".utf8)
    let result = csluice_rd_kafka_producev(
      producer, "sluice-test", CSLUICE_RD_KAFKA_PARTITION_UA,
      key, key.count, value, value.count, headers,
      Unmanaged.passUnretained(box).toOpaque(), RD_KAFKA_MSG_F_COPY)
    if result != RD_KAFKA_RESP_ERR_NO_ERROR { rd_kafka_headers_destroy(headers) }
    try #require(result == RD_KAFKA_RESP_ERR_NO_ERROR)
    // The queue also counts events such as the refused connection's error.
    #expect(rd_kafka_outq_len(producer) >= 1)

    #expect(rd_kafka_purge(producer, RD_KAFKA_PURGE_F_QUEUE) == RD_KAFKA_RESP_ERR_NO_ERROR)
    for _ in 0..<50 where box.errors.isEmpty {
      rd_kafka_poll(producer, 100)
    }
    #expect(box.errors == [RD_KAFKA_RESP_ERR__PURGE_QUEUE])
  }

  /// Collects delivery-report errors; reached through the message opaque.
  final class DeliveryBox {
    var errors: [rd_kafka_resp_err_t] = []
  }

  struct ConfigurationFailure: Error {
    var message: String
  }

  static func set(_ configuration: OpaquePointer, _ name: String, _ value: String) throws {
    var errorText = [CChar](repeating: 0, count: 512)
    guard rd_kafka_conf_set(configuration, name, value, &errorText, errorText.count) == RD_KAFKA_CONF_OK else {
      throw ConfigurationFailure(message: String(cBuffer: errorText))
    }
  }
}
