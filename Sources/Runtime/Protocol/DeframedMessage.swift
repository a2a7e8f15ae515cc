/// One message read from a length-prefixed stream (gRPC messages, Connect envelopes):
/// its flags byte and its payload, already decompressed when it was compressed.
public struct DeframedMessage: Sendable, Hashable {
  /// The flags byte that preceded the message on the wire.
  public var flags: UInt8
  /// The message bytes (decompressed).
  public var bytes: [UInt8]

  /// Creates a message.
  public init(flags: UInt8, bytes: [UInt8]) {
    self.flags = flags
    self.bytes = bytes
  }

  /// Whether the message was compressed on the wire (flag bit 0, both protocols).
  public var wasCompressed: Bool { flags & MessageFramer.compressedFlag != 0 }

  /// Whether this is a Connect `EndStreamResponse` (flag bit 1).
  public var isEndStream: Bool { flags & MessageFramer.endStreamFlag != 0 }
}
