public import SluiceRuntime

/// A server's instruction about retrying, from the `grpc-retry-pushback-ms` trailer
/// (gRFC A6, "Pushback"): retry after a given delay, or do not retry at all.
public enum RetryPushback: Sendable, Hashable {
  /// Retry after exactly this long (if the policy allows another attempt).
  case retryAfter(Duration)
  /// Do not retry this call.
  case stopRetrying

  /// The trailer's name.
  public static let metadataKey = "grpc-retry-pushback-ms"

  /// The pushback a trailer value gives: a non-negative 32-bit decimal number of
  /// milliseconds is a delay; anything else (negative, not a number) means stop.
  public init(headerValue: String) {
    if let milliseconds = Int32(headerValue), milliseconds >= 0 {
      self = .retryAfter(.milliseconds(milliseconds))
    } else {
      self = .stopRetrying
    }
  }

  /// The pushback in `metadata` (a failed call's trailers), or nil when it has none.
  public init?(metadata: Metadata) {
    guard let value = metadata.firstString(forKey: Self.metadataKey) else { return nil }
    self.init(headerValue: value)
  }
}
