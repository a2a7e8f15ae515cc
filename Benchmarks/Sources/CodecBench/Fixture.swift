/// The logical value of one `sluice.bench.v1.Event`, independent of either library, so
/// both sides can be built from it and compared field by field after decoding.
struct EventFixture: Equatable, Sendable {
  /// `google.protobuf.Timestamp`.
  struct Timestamp: Equatable, Sendable {
    var seconds: Int64
    var nanos: Int32
  }

  var id: String
  var source: String
  var type: String
  var subject: String
  /// nil when unset.
  var time: Timestamp?
  var attributes: [String: String]
  var data: [UInt8]
  var dataContentType: String?
  var sequence: Int64?
  /// Raw value of `sluice.bench.v1.Priority`.
  var priority: Int32
}

/// The logical value of one `sluice.bench.v1.EventBatch`.
struct BatchFixture: Equatable, Sendable {
  var events: [EventFixture]
  var producer: String
}

extension EventFixture {
  /// The single-event benchmark's value: a CloudEvent-like record of about 200 bytes
  /// with every field set (two attributes, a 16-byte payload).
  static let single = EventFixture(
    id: "0b7e4a52-5f1c-4a8e-9d3b-6c2f1e8a7d40",
    source: "//ingest.sluice.dev/eu-west-1",
    type: "com.example.checkout.completed",
    subject: "orders/84312",
    time: Timestamp(seconds: 1_767_225_600, nanos: 123_456_789),
    attributes: ["tenant": "acme", "region": "eu-west-1"],
    data: Array(0..<16).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) },
    dataContentType: "application/json",
    sequence: 1_048_577,
    priority: 2
  )

  /// Event number `index` of the batch benchmark: the same shape as ``single``, with
  /// deterministic variation in every field (some optional fields unset, 1 to 4
  /// attributes, 8 to 39 payload bytes).
  static func batchMember(_ index: Int) -> EventFixture {
    var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 0x2545_F491_4F6C_DD1D
    }
    let a = next()
    let b = next()
    let uuid =
      hex(a >> 32, digits: 8) + "-" + hex(a >> 16, digits: 4) + "-4" + hex(a, digits: 3) + "-"
      + hex(b >> 48, digits: 4) + "-" + hex(b, digits: 12)
    let regions = ["eu-west-1", "us-east-2", "ap-south-1"]
    let types = [
      "com.example.checkout.completed", "com.example.cart.updated",
      "com.example.user.signed_in", "com.example.payment.refunded",
    ]
    var attributes = ["tenant": "tenant-\(index % 17)"]
    if index % 4 >= 1 { attributes["region"] = regions[index % 3] }
    if index % 4 >= 2 { attributes["schema"] = "v\(index % 5)" }
    if index % 4 >= 3 { attributes["trace"] = hex(next(), digits: 16) }
    let payloadCount = 8 + index % 32
    var payload: [UInt8] = []
    payload.reserveCapacity(payloadCount)
    for _ in 0..<payloadCount { payload.append(UInt8(truncatingIfNeeded: next())) }
    return EventFixture(
      id: uuid,
      source: "//ingest.sluice.dev/" + regions[index % 3],
      type: types[index % 4],
      subject: "orders/\(80_000 + index)-\(index % 997)",
      time: index % 10 == 9
        ? nil : Timestamp(seconds: 1_767_225_600 + Int64(index), nanos: Int32(index * 7919 % 1_000_000_000)),
      attributes: attributes,
      data: payload,
      dataContentType: index % 3 == 0 ? nil : "application/json",
      sequence: index % 2 == 0 ? Int64(1_048_576 + index) : nil,
      priority: Int32(index % 4)
    )
  }

  private static func hex(_ value: UInt64, digits: Int) -> String {
    let text = String(value, radix: 16)
    let trimmed = text.count > digits ? String(text.suffix(digits)) : text
    return String(repeating: "0", count: digits - trimmed.count) + trimmed
  }
}

extension BatchFixture {
  /// The batch benchmark's value: 1,000 events.
  static let thousand = BatchFixture(
    events: (0..<1000).map(EventFixture.batchMember),
    producer: "bench-producer-01"
  )
}
