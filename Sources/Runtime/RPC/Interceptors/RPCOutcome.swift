/// How a call ended, as an interceptor saw it: the status and how long the call took.
///
/// Logging, metrics and tracing interceptors report from it: ``code`` is the status to
/// count or tag a span with, ``duration`` the latency to record.
public struct RPCOutcome: Sendable, Hashable {
  /// The error the call ended with, or nil when it ended with status OK.
  public var error: RPCError?
  /// How long the call took, from the interceptor's start to the call's end.
  public var duration: Duration

  /// Creates an outcome.
  public init(error: RPCError?, duration: Duration) {
    self.error = error
    self.duration = duration
  }

  /// The call's status code: `.ok`, or the error's code.
  public var code: StatusCode { error?.code ?? .ok }

  /// Whether the call ended with status OK.
  public var isSuccess: Bool { error == nil }
}
