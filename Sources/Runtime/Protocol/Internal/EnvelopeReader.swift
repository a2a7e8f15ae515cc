/// The incremental reader behind ``GRPCMessageDeframer`` and ``ConnectEnvelopeDeframer``:
/// both protocols frame a message as a flags byte, a 4-byte big-endian length and the
/// payload.
///
/// Only an incomplete prefix (up to 5 bytes, in a register) and an incomplete payload are
/// kept between chunks. A payload that arrives whole within one chunk is copied once,
/// straight into the message's array; a split one is gathered into an array reserved at
/// its exact size. Lengths are checked against the limit before anything is buffered.
struct EnvelopeReader {
  /// The largest payload accepted, on the wire and once decompressed.
  let maxMessageSize: Int
  /// Flag bits that may be set; any other bit is an error.
  let allowedFlags: UInt8
  /// Decompresses payloads whose compressed bit is set; nil when the call negotiated no
  /// compression.
  let decompressor: (any MessageDecompressor)?

  private var prefix: UInt64 = 0
  private var prefixCount = 0
  private var flags: UInt8 = 0
  private var length = 0
  private var body: [UInt8] = []
  private var readingBody = false

  init(maxMessageSize: Int, allowedFlags: UInt8, decompressor: (any MessageDecompressor)?) {
    self.maxMessageSize = max(0, maxMessageSize)
    self.allowedFlags = allowedFlags
    self.decompressor = decompressor
  }

  /// Whether bytes of an unfinished message are buffered.
  var hasPartialMessage: Bool { prefixCount > 0 || readingBody }

  /// Consumes bytes from the front of `input` up to the end of the next complete message
  /// and returns it; returns nil once `input` is used up without completing one (its
  /// bytes are kept for the next call).
  mutating func next(from input: inout UnsafeRawBufferPointer) throws(MessageFramingError)
    -> DeframedMessage?
  {
    if !readingBody {
      if prefixCount == 0 && input.count >= 5 {
        flags = input[0]
        length = Int(input[1]) << 24 | Int(input[2]) << 16 | Int(input[3]) << 8 | Int(input[4])
        input = UnsafeRawBufferPointer(rebasing: input[5...])
      } else {
        while prefixCount < 5 {
          guard let byte = input.first else { return nil }
          prefix = prefix << 8 | UInt64(byte)
          prefixCount += 1
          input = UnsafeRawBufferPointer(rebasing: input[1...])
        }
        flags = UInt8(truncatingIfNeeded: prefix >> 32)
        length = Int(prefix & 0xFFFF_FFFF)
        prefix = 0
        prefixCount = 0
      }
      guard flags & ~allowedFlags == 0 else { throw .invalidFlags(flags) }
      guard length <= maxMessageSize else {
        throw .messageTooLarge(size: length, limit: maxMessageSize)
      }
      if input.count >= length {
        let payload = [UInt8](UnsafeRawBufferPointer(rebasing: input[..<length]))
        input = UnsafeRawBufferPointer(rebasing: input[length...])
        return try complete(payload)
      }
      readingBody = true
      body.reserveCapacity(length)
    }
    let take = min(length - body.count, input.count)
    body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[..<take]))
    input = UnsafeRawBufferPointer(rebasing: input[take...])
    guard body.count == length else { return nil }
    readingBody = false
    let payload = body
    body = []
    return try complete(payload)
  }

  /// Checks that the stream did not end inside a message.
  func finish() throws(MessageFramingError) {
    if prefixCount > 0 {
      throw .truncatedMessage(received: prefixCount, expected: 5)
    }
    if readingBody {
      throw .truncatedMessage(received: 5 + body.count, expected: 5 + length)
    }
  }

  private func complete(_ payload: [UInt8]) throws(MessageFramingError) -> DeframedMessage {
    guard flags & MessageFramer.compressedFlag != 0 else {
      return DeframedMessage(flags: flags, bytes: payload)
    }
    guard let decompressor else { throw .compressedWithoutEncoding }
    if payload.isEmpty { return DeframedMessage(flags: flags, bytes: payload) }
    let limit = maxMessageSize
    let bytes = try payload.withTypedBytes { (raw) throws(MessageFramingError) in
      try decompressor.decompress(raw, limit: limit)
    }
    guard bytes.count <= limit else { throw .messageTooLarge(size: bytes.count, limit: limit) }
    return DeframedMessage(flags: flags, bytes: bytes)
  }
}
