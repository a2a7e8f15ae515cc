/// The requests of a client-streaming or bidirectional call, decoded as the handler
/// iterates: `for try await request in requests { ... }`.
///
/// Iterate it once, from one task. Errors are ``RPCError``s: `.invalidArgument` for a
/// request that does not decode, `.cancelled` when the call is cancelled.
public struct RPCRequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
  /// Each element is one decoded request.
  public typealias Element = Message
  /// Iteration fails only with ``RPCError``.
  public typealias Failure = RPCError

  @usableFromInline let source: any RPCMessageSource
  @usableFromInline let codec: MessageCodec

  /// A stream decoding the messages of `source` with `codec`.
  @inlinable
  public init(source: any RPCMessageSource, codec: MessageCodec) {
    self.source = source
    self.codec = codec
  }

  /// Reads and decodes one request at a time.
  public struct AsyncIterator: AsyncIteratorProtocol {
    @usableFromInline let source: any RPCMessageSource
    @usableFromInline let codec: MessageCodec

    @inlinable
    init(source: any RPCMessageSource, codec: MessageCodec) {
      self.source = source
      self.codec = codec
    }

    /// The next request, or nil after the client's last one.
    @inlinable
    public mutating func next() async throws(RPCError) -> Message? {
      try await next(isolation: nil)
    }

    /// The next request, or nil after the client's last one.
    @inlinable
    public mutating func next(isolation actor: isolated (any Actor)?) async throws(RPCError)
      -> Message?
    {
      guard let bytes = try await source.next() else { return nil }
      return try codec.decode(bytes, as: Message.self, errorCode: .invalidArgument)
    }
  }

  /// An iterator over the requests.
  @inlinable
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(source: source, codec: codec)
  }
}
