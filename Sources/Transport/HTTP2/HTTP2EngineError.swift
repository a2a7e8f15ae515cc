public import SluiceRuntime

/// Why ``HTTP2Engine`` refused an operation or gave up on the connection.
public enum HTTP2EngineError: Error, Hashable, Sendable {
  /// The connection is broken: a GOAWAY carrying `code` has been queued as the
  /// last output. Flush ``HTTP2Engine/produceOutput(into:)`` and close.
  case connectionError(code: HTTP2ErrorCode, reason: ConnectionErrorReason)

  /// The engine already failed or finished; nothing more can be done.
  case sessionTerminated

  /// The stream is unknown, closed, or its sending side already ended.
  case streamNotWritable(streamID: Int32)

  /// nghttp2 rejected the call (an `nghttp2_error` code), e.g. a setting out
  /// of range, a header block too large to send, or stream IDs exhausted.
  case rejected(nghttp2Error: Int32)

  /// What broke the connection.
  public enum ConnectionErrorReason: Hashable, Sendable {
    /// The bytes did not start with the HTTP/2 client preface.
    case badClientPreface
    /// The peer broke the protocol (bad frame, bad sequence, bad HPACK...).
    case protocolViolation
    /// The peer reset streams faster than the rapid-reset limit allows.
    case rapidResetFlood
    /// The peer sent more CONTINUATION frames than allowed for one header block.
    case continuationFlood
    /// The peer made us queue more SETTINGS/PING acknowledgements than allowed.
    case controlFrameFlood
    /// nghttp2 failed internally (an `nghttp2_error` code, e.g. out of memory).
    case internalFailure(nghttp2Error: Int32)
  }
}
