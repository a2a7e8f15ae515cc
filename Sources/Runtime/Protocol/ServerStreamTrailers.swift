/// How a ``ServerStreamStateMachine`` ends a response.
public struct ServerStreamTrailers: Sendable, Hashable {
  /// Which header blocks to send.
  public enum Form: Sendable, Hashable {
    /// Headers went out already: send the trailers (gRPC) or end-stream envelope
    /// (Connect).
    case trailers
    /// Nothing went out yet and the call succeeded: send the response headers, then the
    /// trailers (so the handler's response metadata still reaches the client).
    case headersAndTrailers
    /// Nothing went out yet and the call failed: gRPC's `Trailers-Only` response (one
    /// HEADERS frame with END_STREAM); for Connect, headers and the end-stream envelope.
    case trailersOnly
  }

  /// The call's error; nil for success.
  public var error: RPCError?
  /// Which header blocks to send.
  public var form: Form
  /// Whether to send RST_STREAM `NO_ERROR` after the trailers, because the client had
  /// not finished sending (gRPC's "Early Server Closure").
  public var resetStreamAfter: Bool
  /// Whether to cancel the running handler (the call failed under it).
  public var cancelHandler: Bool

  /// Creates trailers.
  public init(error: RPCError?, form: Form, resetStreamAfter: Bool, cancelHandler: Bool) {
    self.error = error
    self.form = form
    self.resetStreamAfter = resetStreamAfter
    self.cancelHandler = cancelHandler
  }
}
