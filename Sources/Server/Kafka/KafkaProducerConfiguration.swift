/// Settings of Sluice's one Kafka producer: where the brokers are, any librdkafka
/// property (TLS, SASL, compression, batching, …), and how the producer watches the
/// brokers' health.
///
/// Sluice starts from its own defaults, applies `properties` over them, and then insists
/// on the settings its guarantee rests on ("OK means durable"):
///
/// | property | value | why |
/// |---|---|---|
/// | `enable.idempotence` | `true` (enforced) | retries never duplicate or reorder events |
/// | `acks` | `all` (enforced) | a write is acknowledged only once every in-sync replica has it |
/// | `linger.ms` | `5` (default) | batches events from concurrent calls into fewer produce requests; with less, the idempotent producer's broker thread busy-polls while its five requests per partition are in flight (see BENCHMARKS.md); every call waits for its acknowledgement, so the linger adds up to its length to a lone call's latency |
/// | `message.timeout.ms` | `30000` (default) | how long librdkafka keeps retrying one event |
/// | `client.id` | `sluice` (default) | names the producer in broker logs and metrics |
///
/// Deadlines: librdkafka has no per-message deadline, only the global
/// `message.timeout.ms`. A call fails at its own deadline while its events may still be
/// waiting in librdkafka, which keeps retrying them until `message.timeout.ms`: an event
/// whose call failed can still appear in Kafka, and a client retry then writes it again.
/// Consumers deduplicate by the event's key and id header. Keep `message.timeout.ms`
/// close to the longest call deadline the server grants so that such late writes stay
/// rare and short-lived.
public struct KafkaProducerConfiguration: Sendable {
  /// Comma-separated `host:port` list (librdkafka's `bootstrap.servers`).
  public var bootstrapServers: String
  /// Any librdkafka producer property, by its librdkafka name (see librdkafka's
  /// CONFIGURATION.md), such as `security.protocol`, `ssl.ca.location`,
  /// `sasl.mechanisms`, `compression.type` or `linger.ms`.
  public var properties: [String: String]
  /// How often the producer re-checks the brokers while they are down.
  public var probeInterval: Duration
  /// How long one check (a metadata request) may take before it counts as failed.
  public var probeTimeout: Duration
  /// How long events may sit in librdkafka with brokers reachable and no delivery report
  /// at all before the producer decides its librdkafka handle is stuck and starts a new
  /// one (a broker that lost its state, such as a restarted in-memory broker, rejects the
  /// old producer id forever).
  public var stallTimeout: Duration
  /// Receives log lines and health changes; `nil` leaves librdkafka logging to stderr.
  /// Called from librdkafka's and the producer's threads: it must be quick and not block.
  public var eventHandler: (@Sendable (KafkaProducerEvent) -> Void)?

  /// Creates a configuration with Sluice's defaults.
  public init(
    bootstrapServers: String,
    properties: [String: String] = [:],
    probeInterval: Duration = .milliseconds(500),
    probeTimeout: Duration = .seconds(1),
    stallTimeout: Duration = .seconds(10),
    eventHandler: (@Sendable (KafkaProducerEvent) -> Void)? = nil
  ) {
    self.bootstrapServers = bootstrapServers
    self.properties = properties
    self.probeInterval = probeInterval
    self.probeTimeout = probeTimeout
    self.stallTimeout = stallTimeout
    self.eventHandler = eventHandler
  }

  /// Sluice's defaults, applied before `properties`.
  public static let defaultProperties: [String: String] = [
    "client.id": "sluice",
    "linger.ms": "5",
    "message.timeout.ms": "30000",
  ]

  /// The properties Sluice requires, with the values it accepts and the reason.
  static let requiredProperties: [(name: String, accepted: Set<String>, reason: String)] = [
    ("enable.idempotence", ["true"], "Sluice's producer is idempotent so that retries never duplicate events"),
    ("acks", ["all", "-1"], "Sluice reports an event durable only when all in-sync replicas have it"),
  ]

  /// The properties handed to librdkafka, in order: defaults, then `properties`, then the
  /// required ones. Throws `.invalidConfiguration` when `properties` contradicts what Sluice
  /// requires, names the bootstrap servers a second time, or asks for transactions.
  public func librdkafkaProperties() throws(KafkaProducerError) -> [(name: String, value: String)] {
    let servers = bootstrapServers.trimmingSpaces
    if servers.isEmpty {
      throw KafkaProducerError(
        code: .invalidConfiguration, message: "no bootstrap servers given (host:port[,host:port…])")
    }
    var merged = Self.defaultProperties
    for (name, value) in properties {
      try Self.check(name: name, value: value)
      merged[Self.canonicalName(name)] = value
    }
    // librdkafka treats `delivery.timeout.ms` as an alias: a user's alias wins over our default.
    if properties.keys.contains("delivery.timeout.ms") {
      merged["message.timeout.ms"] = nil
    }
    merged["bootstrap.servers"] = servers
    merged["enable.idempotence"] = "true"
    merged["acks"] = "all"
    return merged.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
  }

  private static func canonicalName(_ name: String) -> String {
    name == "request.required.acks" ? "acks" : name
  }

  private static func check(name: String, value: String) throws(KafkaProducerError) {
    switch name {
    case "bootstrap.servers", "metadata.broker.list":
      throw KafkaProducerError(
        code: .invalidConfiguration,
        message: "property \"\(name)\" duplicates the bootstrap servers; set them once, as the bootstrap servers")
    case "transactional.id":
      throw KafkaProducerError(
        code: .invalidConfiguration,
        message: "property \"transactional.id\": Sluice's producer does not use transactions")
    default:
      break
    }
    let canonical = canonicalName(name)
    for required in requiredProperties where required.name == canonical {
      if !required.accepted.contains(value.trimmingSpaces.lowercased()) {
        throw KafkaProducerError(
          code: .invalidConfiguration,
          message: "property \"\(name)\" = \"\(value)\" is not allowed: \(required.reason) "
            + "(accepted: \(required.accepted.sorted().joined(separator: ", ")))")
      }
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
