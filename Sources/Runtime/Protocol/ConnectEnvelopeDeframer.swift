/// Reads the Connect protocol's enveloped messages (`Envelope-Flags Message-Length
/// Message`) from body chunks of any size and alignment; the same framing as gRPC's,
/// with bit 1 of the flags marking the final `EndStreamResponse`.
///
/// Used like ``GRPCMessageDeframer``. A server reading a request stream passes
/// `allowsEndStream: false`, so the end-stream bit (which requests must never set) and
/// the reserved bits are errors; a client reading a response stream passes `true` and
/// checks ``DeframedMessage/isEndStream``.
public struct ConnectEnvelopeDeframer {
  private var reader: EnvelopeReader

  /// Creates a deframer.
  /// - Parameters:
  ///   - maxMessageSize: The largest message accepted, compressed or not.
  ///   - decompressor: Decompresses envelopes flagged as compressed; nil when the stream
  ///     negotiated no `connect-content-encoding`.
  ///   - allowsEndStream: Whether the end-stream flag may appear (response streams).
  public init(
    maxMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize,
    decompressor: (any MessageDecompressor)? = nil, allowsEndStream: Bool
  ) {
    let allowed =
      allowsEndStream
      ? MessageFramer.compressedFlag | MessageFramer.endStreamFlag : MessageFramer.compressedFlag
    reader = EnvelopeReader(
      maxMessageSize: maxMessageSize, allowedFlags: allowed, decompressor: decompressor)
  }

  /// The largest message accepted.
  public var maxMessageSize: Int { reader.maxMessageSize }

  /// Whether an unfinished envelope is buffered.
  public var hasPartialMessage: Bool { reader.hasPartialMessage }

  /// Consumes bytes from the front of `input` up to the end of the next complete
  /// envelope and returns it; returns nil when `input` is used up.
  public mutating func next(from input: inout UnsafeRawBufferPointer)
    throws(MessageFramingError) -> DeframedMessage?
  {
    try reader.next(from: &input)
  }

  /// Call at end of stream: throws `truncatedMessage` when it ended inside an envelope.
  public func finish() throws(MessageFramingError) {
    try reader.finish()
  }
}
