/// Where raw messages go one at a time: responses on a server (implemented by the
/// server transport), requests on a client (``ClientStream``).
public protocol RPCMessageSink: Sendable {
  /// Sends one whole message payload (unframed, uncompressed), suspending until the
  /// transport can take it: this is how backpressure reaches the writer. Throws
  /// `.cancelled` when the call was cancelled or the peer went away.
  func write(_ message: [UInt8]) async throws(RPCError)
}
