/// Writes length-prefixed messages: gRPC's `Compressed-Flag Message-Length Message` and
/// the Connect protocol's envelopes, which share the layout (a flags byte, a 4-byte
/// big-endian length, the payload).
///
/// Every writer appends to a caller-owned buffer, so a transport can reuse one buffer
/// per stream. To avoid copying a payload at all, reserve the prefix with
/// ``beginMessage(in:)``, encode or compress the payload straight into the buffer and
/// patch the prefix with ``endMessage(in:startingAt:flags:)``; or send
/// ``writePrefix(flags:length:to:)``'s 5 bytes and the payload as separate pieces.
public enum MessageFramer {
  /// Length of the prefix: flags byte plus 4-byte length.
  public static let prefixLength = 5
  /// Flag bit 0: the payload is compressed (gRPC's Compressed-Flag, Connect's flag 0x01).
  public static let compressedFlag: UInt8 = 0x01
  /// Flag bit 1: the envelope holds a Connect `EndStreamResponse`.
  public static let endStreamFlag: UInt8 = 0x02
  /// The largest payload a prefix can describe.
  public static let maxPayloadLength = Int(UInt32.max)

  /// Writes the 5-byte prefix at `pointer`. `length` must be at most
  /// ``maxPayloadLength``.
  @inlinable
  public static func writePrefix(flags: UInt8, length: Int, to pointer: UnsafeMutableRawPointer) {
    pointer.storeBytes(of: flags, as: UInt8.self)
    pointer.storeBytes(
      of: UInt32(truncatingIfNeeded: length).bigEndian, toByteOffset: 1, as: UInt32.self)
  }

  /// Appends the prefix and `payload` to `buffer`.
  public static func append(
    _ payload: UnsafeRawBufferPointer, flags: UInt8 = 0, to buffer: inout [UInt8]
  ) throws(MessageFramingError) {
    guard payload.count <= maxPayloadLength else {
      throw .messageTooLarge(size: payload.count, limit: maxPayloadLength)
    }
    buffer.reserveCapacity(buffer.count + prefixLength + payload.count)
    appendPrefix(flags: flags, length: payload.count, to: &buffer)
    buffer.append(contentsOf: payload)
  }

  /// Appends the prefix and `payload` to `buffer`.
  public static func append(_ payload: [UInt8], flags: UInt8 = 0, to buffer: inout [UInt8])
    throws(MessageFramingError)
  {
    try payload.withTypedBytes { (raw) throws(MessageFramingError) in
      try append(raw, flags: flags, to: &buffer)
    }
  }

  /// Appends `payload` compressed by `compressor`, with the compressed flag set (plus
  /// `flags`), compressing straight into `buffer`.
  public static func append(
    _ payload: UnsafeRawBufferPointer, flags: UInt8 = 0, compressor: any MessageCompressor,
    to buffer: inout [UInt8]
  ) throws(MessageFramingError) {
    let start = beginMessage(in: &buffer)
    do {
      try compressor.compress(payload, appendingTo: &buffer)
      try endMessage(in: &buffer, startingAt: start, flags: flags | compressedFlag)
    } catch {
      buffer.removeSubrange(start...)
      throw error
    }
  }

  /// Reserves room for a prefix at the end of `buffer` and returns its offset; append
  /// the payload, then call ``endMessage(in:startingAt:flags:)``.
  public static func beginMessage(in buffer: inout [UInt8]) -> Int {
    let start = buffer.count
    appendPrefix(flags: 0, length: 0, to: &buffer)
    return start
  }

  /// Fills in the prefix reserved at `start`: the payload is everything after it.
  public static func endMessage(in buffer: inout [UInt8], startingAt start: Int, flags: UInt8)
    throws(MessageFramingError)
  {
    let length = buffer.count - start - prefixLength
    guard length <= maxPayloadLength else {
      buffer.removeSubrange(start...)
      throw .messageTooLarge(size: length, limit: maxPayloadLength)
    }
    buffer.withUnsafeMutableBytes { raw in
      writePrefix(flags: flags, length: length, to: raw.baseAddress! + start)
    }
  }

  private static func appendPrefix(flags: UInt8, length: Int, to buffer: inout [UInt8]) {
    let prefix: (UInt8, UInt8, UInt8, UInt8, UInt8) = (
      flags, UInt8(truncatingIfNeeded: length >> 24), UInt8(truncatingIfNeeded: length >> 16),
      UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)
    )
    withUnsafeBytes(of: prefix) { buffer.append(contentsOf: $0) }
  }
}
