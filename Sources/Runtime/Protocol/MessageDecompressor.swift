/// Decompresses whole messages for a deframer: the hook through which a compression
/// implementation (gzip, deflate) plugs into ``GRPCMessageDeframer``,
/// ``ConnectEnvelopeDeframer`` and the Connect unary body.
///
/// gRPC and Connect keep no compression context across messages, so each call sees one
/// complete compressed message. One instance serves one stream on one thread; it may keep
/// reusable state (a zlib stream) between calls.
public protocol MessageDecompressor {
  /// The decompressed bytes of `input`.
  ///
  /// Must stop and throw ``MessageFramingError/messageTooLarge(size:limit:)`` as soon as
  /// the output would exceed `limit` bytes (before producing more: a small compressed
  /// message can expand enormously), and ``MessageFramingError/decompressionFailed(_:)``
  /// for corrupt input.
  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
}
