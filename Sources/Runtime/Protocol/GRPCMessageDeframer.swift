/// Reads gRPC's length-prefixed messages (`Compressed-Flag Message-Length Message`) from
/// DATA chunks of any size and alignment.
///
/// Feed each chunk through ``next(from:)`` until it returns nil, then call ``finish()``
/// when the stream ends:
///
/// ```swift
/// var input = chunk
/// while let message = try deframer.next(from: &input) { deliver(message.bytes) }
/// ```
///
/// Lengths over ``maxMessageSize`` fail with `messageTooLarge` (`RESOURCE_EXHAUSTED`)
/// before any of the body is buffered; the limit applies to decompressed messages too.
/// A flag byte other than 0 or 1, a compressed message without a ``MessageDecompressor``
/// (no `grpc-encoding`), and a stream ending inside a message fail with errors mapping to
/// `INTERNAL`. After an error the deframer must not be used again.
public struct GRPCMessageDeframer {
  /// gRPC's customary default receive limit: 4 MiB.
  public static let defaultMaxMessageSize = 4 * 1024 * 1024

  private var reader: EnvelopeReader

  /// Creates a deframer.
  /// - Parameters:
  ///   - maxMessageSize: The largest message accepted, compressed or not.
  ///   - decompressor: Decompresses messages flagged as compressed; nil when the request
  ///     carried no `grpc-encoding` (or `identity`).
  public init(
    maxMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize,
    decompressor: (any MessageDecompressor)? = nil
  ) {
    reader = EnvelopeReader(
      maxMessageSize: maxMessageSize, allowedFlags: MessageFramer.compressedFlag,
      decompressor: decompressor)
  }

  /// The largest message accepted.
  public var maxMessageSize: Int { reader.maxMessageSize }

  /// Whether an unfinished message is buffered.
  public var hasPartialMessage: Bool { reader.hasPartialMessage }

  /// Consumes bytes from the front of `input` up to the end of the next complete message
  /// and returns it; returns nil when `input` is used up (partial bytes are kept).
  public mutating func next(from input: inout UnsafeRawBufferPointer)
    throws(MessageFramingError) -> DeframedMessage?
  {
    try reader.next(from: &input)
  }

  /// Call at end of stream: throws `truncatedMessage` when it ended inside a message.
  public func finish() throws(MessageFramingError) {
    try reader.finish()
  }
}
