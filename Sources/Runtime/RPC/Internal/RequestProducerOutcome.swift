/// How the request side of a bidirectional call ended.
@usableFromInline
enum RequestProducerOutcome: Sendable {
  /// The closure returned; the requests were finished.
  case finished
  /// The closure threw after the call was cancelled (its error is a consequence).
  case cancelled
  /// The closure threw on its own.
  case failed(any Error)
}
