/// The responses of a server-streaming or bidirectional call, decoded as the caller
/// iterates, with the call's metadata.
///
/// Iterate it once, from one task. The sequence ends when the server ends the call with
/// status OK; otherwise iteration throws the call's ``RPCError`` (`.internal` for a
/// response that does not decode). ``metadata()`` gives the response headers (waiting for
/// them), ``trailers`` the trailers once the sequence ended. Dropping every copy of the
/// stream before its end cancels the call.
public struct RPCResponseStream<Message: ProtoMessage>: AsyncSequence, Sendable {
  /// Each element is one decoded response.
  public typealias Element = Message
  /// Iteration fails only with ``RPCError``.
  public typealias Failure = RPCError

  @usableFromInline let stream: any ClientStream
  @usableFromInline let codec: MessageCodec

  /// A stream decoding the responses of `stream` with `codec`.
  @inlinable
  public init(stream: any ClientStream, codec: MessageCodec) {
    self.stream = stream
    self.codec = codec
  }

  /// The response headers' metadata, waiting for them unless they arrived. Throws the
  /// call's error when the server ended it without headers.
  public func metadata() async throws(RPCError) -> Metadata {
    try await stream.responseMetadata()
  }

  /// The trailers' metadata, once iteration finished; empty before.
  public var trailers: Metadata { stream.trailers }

  /// Cancels the call unless it already ended.
  public func cancel() { stream.cancel() }

  /// Reads and decodes one response at a time.
  public struct AsyncIterator: AsyncIteratorProtocol {
    @usableFromInline let stream: any ClientStream
    @usableFromInline let codec: MessageCodec

    @inlinable
    init(stream: any ClientStream, codec: MessageCodec) {
      self.stream = stream
      self.codec = codec
    }

    /// The next response, or nil when the call ended with status OK.
    @inlinable
    public mutating func next() async throws(RPCError) -> Message? {
      try await next(isolation: nil)
    }

    /// The next response, or nil when the call ended with status OK.
    @inlinable
    public mutating func next(isolation actor: isolated (any Actor)?) async throws(RPCError)
      -> Message?
    {
      guard let bytes = try await stream.nextResponse() else { return nil }
      return try codec.decode(bytes, as: Message.self, errorCode: .internal)
    }
  }

  /// An iterator over the responses.
  @inlinable
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(stream: stream, codec: codec)
  }
}
