/// Raw messages arriving one at a time: requests on a server, implemented by the server
/// transport, each element one whole message payload (unframed, uncompressed).
///
/// Asking for the next message is what grants the peer room to send more (HTTP/2 flow
/// control), so a slow reader slows the sender instead of buffering without bound.
public protocol RPCMessageSource: Sendable {
  /// The next message, or nil when the peer finished sending. Throws `.cancelled` when
  /// the call was cancelled, or the error that ended the stream.
  func next() async throws(RPCError) -> [UInt8]?
}
