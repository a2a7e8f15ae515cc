public import SluiceRuntime

/// Where accepted events are announced: the Kafka producer in production.
public protocol EventPublisher: Sendable {
  /// Publishes every record, returning once all are acknowledged (Kafka: acks=all).
  /// Fails with `.resourceExhausted` when the producer's queue is full, `.unavailable`
  /// when no broker can be reached, `.deadlineExceeded` when `deadline` passes first; a
  /// failed call may still have published some records (delivery is at least once).
  func publish(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError)
}
