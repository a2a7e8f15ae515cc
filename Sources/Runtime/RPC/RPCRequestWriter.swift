/// Where a client writes the requests of a client-streaming or bidirectional call.
///
/// `write(_:)` suspends until the transport can take the message (flow control). It may
/// be used from several tasks; messages go out in the order the writes complete.
public struct RPCRequestWriter<Message: ProtoMessage>: Sendable {
  @usableFromInline let sink: any RPCMessageSink
  @usableFromInline let codec: MessageCodec

  /// A writer encoding messages with `codec` into `sink`.
  @inlinable
  public init(sink: any RPCMessageSink, codec: MessageCodec) {
    self.sink = sink
    self.codec = codec
  }

  /// Sends one request. Throws `.cancelled` when the call was cancelled.
  @inlinable
  public func write(_ message: Message) async throws(RPCError) {
    try await sink.write(try codec.encode(message))
  }

  /// Sends requests in order.
  @inlinable
  public func write(contentsOf messages: some Sequence<Message>) async throws(RPCError) {
    for message in messages {
      try await write(message)
    }
  }
}
