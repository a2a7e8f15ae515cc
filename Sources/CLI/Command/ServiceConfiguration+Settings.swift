import SluiceApp
import SluiceCommandSupport
import SluiceIngest
import SluiceServer
import SluiceTransport

extension ServiceConfiguration {
  /// The configuration `settings` describe, defaults filling the rest; a value that
  /// cannot be used throws a `SettingError` naming where it came from.
  init(settings: LayeredSettings) throws(SettingError) {
    self.init()
    if let host = settings.string("host")?.value { server.host = host }
    if let port = try settings.int("port", in: 0...65_535) { server.port = port }
    if let bytes = try settings.int("max-message-bytes", in: 1...(1 << 30)) {
      server.maxReceiveMessageSize = bytes
    }
    server.idleTimeout = try settings.duration("idle-timeout") ?? server.idleTimeout
    try applyTLS(settings)

    databaseURL = settings.string("database-url")?.value
    if let folder = settings.string("data-dir")?.value { embeddedDatabaseFolder = folder }

    kafkaBrokers = settings.string("kafka-brokers")?.value
    if let topic = settings.string("kafka-topic")?.value {
      topics = .single(topic)
      if let prefix = settings.string("kafka-topic-prefix") {
        throw SettingError("\(prefix.source): use either kafka-topic or kafka-topic-prefix")
      }
    } else if let prefix = settings.string("kafka-topic-prefix")?.value {
      topics = .perStream(prefix: prefix)
    }
    if let (properties, source) = settings.values("kafka-property") {
      for property in properties {
        guard let equals = property.firstIndex(of: "="), equals != property.startIndex else {
          throw SettingError("\(source): \"\(property)\" is not NAME=VALUE")
        }
        kafkaProperties[String(property[..<equals])] = String(property[property.index(after: equals)...])
      }
    }

    writersMinimum = try settings.int("writers-min", in: 1...256) ?? writersMinimum
    writersMaximum = try settings.int("writers-max", in: 1...256) ?? writersMaximum
    if writersMaximum < writersMinimum {
      throw SettingError("writers-max (\(writersMaximum)) is below writers-min (\(writersMinimum))")
    }
    commitBatchRows = try settings.int("commit-batch-rows", in: 1...100_000) ?? commitBatchRows
    writerQueueBound = try settings.int("writer-queue", in: 1...10_000_000) ?? writerQueueBound
    limits.maxEventsPerBatch =
      try settings.int("max-batch-events", in: 1...1_000_000) ?? limits.maxEventsPerBatch
    limits.maxDataBytes = try settings.int("max-data-bytes", in: 1...(1 << 30)) ?? limits.maxDataBytes
    if let (streams, _) = settings.values("streams"), !streams.isEmpty {
      limits.declaredStreams = Set(streams)
    }
    shutdownGracePeriod = try settings.duration("shutdown-grace") ?? shutdownGracePeriod
  }

  private mutating func applyTLS(_ settings: LayeredSettings) throws(SettingError) {
    let certificate = settings.string("tls-cert")
    let key = settings.string("tls-key")
    guard let certificate, let key else {
      if let given = certificate ?? key {
        throw SettingError("\(given.source): tls-cert and tls-key go together")
      }
      if let given = settings.string("tls-client-ca") {
        throw SettingError("\(given.source): client certificates need tls-cert and tls-key")
      }
      return
    }
    let requireClient = try settings.bool("require-client-cert") ?? false
    let clientCA = settings.string("tls-client-ca")?.value
    if requireClient && clientCA == nil {
      throw SettingError("require-client-cert needs tls-client-ca")
    }
    server.tls = TLSServerConfiguration(
      certificateChainFile: certificate.value, privateKeyFile: key.value, clientCAFile: clientCA,
      requireClientCertificate: requireClient)
    server.allowPlaintext = try settings.bool("allow-plaintext") ?? false
  }
}
