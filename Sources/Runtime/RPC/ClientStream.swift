/// One call in flight on a ``ClientTransport``: requests go out through
/// ``write(_:)`` (from ``RPCMessageSink``), responses come in through ``nextResponse()``.
///
/// The two directions are independent and may be used from two tasks at once; each
/// direction from one task at a time. Writes suspend while the transport has no room
/// (flow control). When the server already ended the call with OK, writes are dropped
/// without error (read the response side to learn the outcome); when it ended with an
/// error, writes throw that error, so a producer loop stops. A write from a cancelled task
/// cancels the call and fails with `.cancelled`; writing after ``finishRequests()`` fails
/// with `.internal`.
public protocol ClientStream: AnyObject, RPCMessageSink {
  /// Tells the server no more requests follow (half-close). Idempotent.
  func finishRequests() async

  /// The response headers' metadata, waiting for them. Throws the call's error when the
  /// server ends it without headers (gRPC "trailers-only").
  func responseMetadata() async throws(RPCError) -> Metadata

  /// The next response message, or nil when the call ended with status OK; throws the
  /// call's error otherwise (its metadata holds the trailers). Reads the headers first if
  /// ``responseMetadata()`` was not called.
  func nextResponse() async throws(RPCError) -> [UInt8]?

  /// The trailers' metadata, once ``nextResponse()`` returned nil; empty before.
  var trailers: Metadata { get }

  /// Cancels the call unless it already ended: both directions fail with `.cancelled`
  /// and the server's handler is cancelled.
  func cancel()
}
