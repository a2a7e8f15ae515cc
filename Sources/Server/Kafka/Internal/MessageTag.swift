/// Identifies one enqueued message in its delivery report: the call it belongs to and its
/// position in that call's batch, packed into the pointer-sized opaque librdkafka returns
/// (`rd_kafka_message_t._private`). The opaque is never dereferenced.
struct MessageTag: Hashable {
  /// Bits for the position inside a batch; a batch holds at most `maximumBatchCount`.
  static let indexBits = 20
  /// The largest number of messages one call may produce.
  static let maximumBatchCount = (1 << indexBits) - 1

  /// The call's identifier (never 0, below 2^44).
  var call: UInt64
  /// The message's position in its call.
  var index: Int

  init(call: UInt64, index: Int) {
    self.call = call
    self.index = index
  }

  /// Decodes an opaque; `nil` for a null pointer (a message Sluice did not tag).
  init?(opaque: UnsafeMutableRawPointer?) {
    guard let opaque else { return nil }
    let bits = UInt64(UInt(bitPattern: opaque))
    self.call = bits >> UInt64(Self.indexBits)
    self.index = Int(bits & UInt64(Self.maximumBatchCount))
  }

  /// The opaque to hand librdkafka.
  var opaque: UnsafeMutableRawPointer? {
    UnsafeMutableRawPointer(bitPattern: UInt((call << UInt64(Self.indexBits)) | UInt64(index)))
  }

  /// The call identifier after `call`, wrapping below 2^44 and skipping 0.
  static func callID(after call: UInt64) -> UInt64 {
    let next = (call &+ 1) & ((1 << UInt64(64 - indexBits)) - 1)
    return next == 0 ? 1 : next
  }
}
