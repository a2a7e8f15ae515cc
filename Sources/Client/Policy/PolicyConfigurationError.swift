/// A client policy setting with a value it cannot have, such as a retry policy with
/// `maxAttempts` of 1 or a connection backoff with a negative jitter.
public struct PolicyConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The setting's name as gRPC's service config spells it, such as `maxAttempts`.
  public var setting: String
  /// What is wrong with the value.
  public var reason: String

  /// Creates an error about `setting`.
  public init(setting: String, reason: String) {
    self.setting = setting
    self.reason = reason
  }

  /// `invalid SETTING: REASON`.
  public var description: String { "invalid \(setting): \(reason)" }
}
