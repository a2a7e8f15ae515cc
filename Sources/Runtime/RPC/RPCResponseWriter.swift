/// Where a server-streaming or bidirectional handler writes its responses.
///
/// `write(_:)` suspends until the transport can take the message (flow control), so a
/// handler producing faster than the client reads is slowed down rather than buffered.
/// It may be used from several tasks; messages go out in the order the writes complete.
public struct RPCResponseWriter<Message: ProtoMessage>: Sendable {
  @usableFromInline let sink: any RPCMessageSink
  @usableFromInline let codec: MessageCodec

  /// A writer encoding messages with `codec` into `sink`.
  @inlinable
  public init(sink: any RPCMessageSink, codec: MessageCodec) {
    self.sink = sink
    self.codec = codec
  }

  /// Sends one response. Throws `.cancelled` when the client went away.
  @inlinable
  public func write(_ message: Message) async throws(RPCError) {
    try await sink.write(try codec.encode(message))
  }

  /// Sends responses in order.
  @inlinable
  public func write(contentsOf messages: some Sequence<Message>) async throws(RPCError) {
    for message in messages {
      try await write(message)
    }
  }
}
