/// How a client reaches a server, on raw message bytes: the HTTP/2 client, the
/// in-process transport, and wrappers that add retries or interceptors implement it.
/// Generated clients call the typed helpers in `ClientTransport+Calls.swift`, which
/// encode and decode with ``codec``.
///
/// Every failure is an ``RPCError``. Cancelling the calling task cancels the call (HTTP/2
/// `RST_STREAM`) and fails it with `.cancelled`; when `CallOptions.timeout` passes, the
/// call fails with `.deadlineExceeded`.
public protocol ClientTransport: Sendable {
  /// The encoding this transport announces and expects (its content type).
  var codec: MessageCodec { get }

  /// Performs a call with exactly one request and one response, whatever the method's
  /// kind, returning the response with its headers and trailers.
  func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>

  /// Starts a call of any kind and returns its stream; the request headers are on their
  /// way when this returns. Dropping the last reference to the stream cancels the call
  /// unless it completed.
  func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
}
