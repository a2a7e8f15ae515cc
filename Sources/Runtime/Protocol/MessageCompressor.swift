/// Compresses whole messages for ``MessageFramer``: the hook through which a compression
/// implementation (gzip, deflate) plugs into outbound framing.
///
/// One instance serves one stream on one thread; it may keep reusable state between calls.
public protocol MessageCompressor {
  /// Appends the compressed form of `input` to `output`, leaving existing bytes alone.
  /// Throws ``MessageFramingError/compressionFailed(_:)`` when the compressor fails.
  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
}
