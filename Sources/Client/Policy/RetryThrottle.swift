private import Synchronization

/// The channel-wide brake on retries (gRFC A6 `retryThrottling`): a bucket of tokens that
/// starts full at ``maxTokens``; every failed attempt that could be retried takes one
/// token, every other outcome adds ``tokenRatio``. While the bucket holds no more than
/// half of ``maxTokens``, no call is retried, so a struggling server is not buried under
/// retries.
///
/// One throttle is shared by every call of a channel; it is safe to use from any thread.
/// As A6 asks, only three decimal places of the ratio count, so the count is kept in
/// thousandths of a token.
public final class RetryThrottle: Sendable {
  /// The most tokens the bucket holds.
  public let maxTokens: Int
  /// The tokens a success adds.
  public let tokenRatio: Double

  private let scaledMax: Int
  private let scaledRatio: Int
  private let scaledTokens: Mutex<Int>

  /// Creates a full throttle. `maxTokens` must be in `1...1000` and `tokenRatio` at
  /// least 0.001 (A6's validation rules).
  public init(maxTokens: Int, tokenRatio: Double) throws(PolicyConfigurationError) {
    guard (1...1000).contains(maxTokens) else {
      throw PolicyConfigurationError(setting: "maxTokens", reason: "must be in 1...1000")
    }
    guard tokenRatio.isFinite, tokenRatio >= 0.001 else {
      throw PolicyConfigurationError(setting: "tokenRatio", reason: "must be at least 0.001")
    }
    self.maxTokens = maxTokens
    self.scaledRatio = min(Int(tokenRatio * 1000), maxTokens * 1000)
    self.tokenRatio = Double(scaledRatio) / 1000
    self.scaledMax = maxTokens * 1000
    self.scaledTokens = Mutex(maxTokens * 1000)
  }

  /// The tokens in the bucket now.
  public var tokens: Double {
    Double(scaledTokens.withLock { $0 }) / 1000
  }

  /// Whether retries are allowed now: more than half of ``maxTokens`` remain.
  public var isRetryPermitted: Bool {
    scaledTokens.withLock { $0 } * 2 > scaledMax
  }

  /// Records an attempt that did not fail in a retryable way: adds ``tokenRatio``.
  public func recordSuccess() {
    scaledTokens.withLock { tokens in
      tokens = min(scaledMax, tokens + scaledRatio)
    }
  }

  /// Records an attempt that failed in a retryable way: takes one token. Returns whether
  /// retries are still allowed afterwards.
  @discardableResult
  public func recordFailure() -> Bool {
    scaledTokens.withLock { tokens in
      tokens = max(0, tokens - 1000)
      return tokens * 2 > scaledMax
    }
  }
}
