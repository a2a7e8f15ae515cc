/// Why a length-prefixed message (gRPC message, Connect envelope) or a bare Connect body
/// could not be read or written.
///
/// Each case maps to the status the protocol prescribes (``code``): a message over the
/// size limit is `RESOURCE_EXHAUSTED`; broken framing is `INTERNAL`, as gRPC's
/// implementations answer a corrupt message stream.
public enum MessageFramingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A message's length (on the wire or once decompressed) exceeds the limit.
  case messageTooLarge(size: Int, limit: Int)
  /// The stream ended inside a message: `received` of the `expected` bytes (prefix
  /// included) had arrived.
  case truncatedMessage(received: Int, expected: Int)
  /// A flags byte the protocol does not allow here (gRPC: other than 0 or 1; Connect
  /// requests: reserved bits or the end-stream bit).
  case invalidFlags(UInt8)
  /// A message marked compressed although the call negotiated no compression.
  case compressedWithoutEncoding
  /// The compressed payload is corrupt.
  case decompressionFailed(String)
  /// The compressor failed.
  case compressionFailed(String)

  /// The status code a call fails with because of this error.
  public var code: StatusCode {
    switch self {
    case .messageTooLarge: .resourceExhausted
    case .truncatedMessage, .invalidFlags, .compressedWithoutEncoding, .decompressionFailed,
      .compressionFailed:
      .internal
    }
  }

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .messageTooLarge(let size, let limit):
      "message of \(size) bytes is larger than the limit of \(limit) bytes"
    case .truncatedMessage(let received, let expected):
      "stream ended inside a message: \(received) of \(expected) bytes received"
    case .invalidFlags(let flags):
      "invalid message flags \(flags)"
    case .compressedWithoutEncoding:
      "compressed message received without a negotiated message encoding"
    case .decompressionFailed(let reason):
      "cannot decompress message: \(reason)"
    case .compressionFailed(let reason):
      "cannot compress message: \(reason)"
    }
  }
}

extension MessageFramingError: RPCErrorConvertible {
  /// The error with ``code`` and ``description`` as its message.
  public var rpcError: RPCError { RPCError(code: code, message: description) }
}
