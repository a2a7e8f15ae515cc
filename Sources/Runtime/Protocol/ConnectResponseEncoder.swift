/// Encodes a Connect response with the compression its call negotiated: a unary body
/// (`content-encoding`), or the envelopes of a streaming response
/// (`connect-content-encoding`, compressed flag per envelope).
///
/// Which messages are compressed follows the server's ``ResponseCompressionPolicy`` and
/// the handler's ``ServerContext/ResponseCompression`` preference. Both the unary body and
/// every envelope carry their own marker, so a message that compresses badly, or whose
/// compressor fails, simply goes out as it was. Errors (unary error bodies and the
/// end-stream envelope) are never compressed.
///
/// One encoder serves one call on one thread (the compressor keeps reusable state).
public struct ConnectResponseEncoder {
  /// When messages are compressed.
  public let policy: ResponseCompressionPolicy
  /// The algorithm negotiated with the client (``RPCRequest/responseCompression``);
  /// `.identity` when responses are never compressed.
  public let algorithm: CompressionAlgorithm
  private let compressor: (any MessageCompressor)?

  /// Creates an encoder.
  /// - Parameters:
  ///   - policy: The server's compression policy.
  ///   - algorithm: The call's negotiated response compression.
  ///   - compressor: Compresses with `algorithm`; nil sends everything uncompressed.
  public init(
    policy: ResponseCompressionPolicy = .disabled, algorithm: CompressionAlgorithm = .identity,
    compressor: (any MessageCompressor)? = nil
  ) {
    self.policy = policy
    if algorithm != .identity, let compressor {
      self.algorithm = algorithm
      self.compressor = compressor
    } else {
      self.algorithm = .identity
      self.compressor = nil
    }
  }

  /// Whether any message may be compressed, so the headers name the algorithm.
  public func mayCompress(preference: ServerContext.ResponseCompression) -> Bool {
    compressor != nil && policy.mayCompress(negotiated: algorithm, preference: preference)
  }

  // MARK: Unary

  /// Appends a successful unary response's headers to `block` (see
  /// ``ConnectResponseHead/writeUnaryHeaders(into:codec:compression:acceptedCompression:headers:trailers:)``)
  /// and returns its body: `response`, compressed when the policy and `preference` say so.
  public func encodeUnary(
    _ response: [UInt8], codec: WireCodec, preference: ServerContext.ResponseCompression,
    acceptedCompression: CompressionAlgorithmSet?, headers: Metadata, trailers: Metadata,
    into block: inout HeaderBlock
  ) -> [UInt8] {
    var body = response
    var compression = CompressionAlgorithm.identity
    if let compressed = compress(response, preference: preference) {
      body = compressed
      compression = algorithm
    }
    ConnectResponseHead.writeUnaryHeaders(
      into: &block, codec: codec, compression: compression,
      acceptedCompression: acceptedCompression, headers: headers, trailers: trailers)
    return body
  }

  // MARK: Streaming

  /// Appends a streaming response's headers to `block`, naming ``algorithm`` in
  /// `connect-content-encoding` when messages may be compressed.
  public func writeStreamingHeaders(
    codec: WireCodec, preference: ServerContext.ResponseCompression,
    acceptedCompression: CompressionAlgorithmSet?, headers: Metadata,
    into block: inout HeaderBlock
  ) {
    ConnectResponseHead.writeStreamingHeaders(
      into: &block, codec: codec,
      compression: mayCompress(preference: preference) ? algorithm : .identity,
      acceptedCompression: acceptedCompression, headers: headers)
  }

  /// Appends one envelope holding `message`: compressed (flag `0x01`) when the policy and
  /// `preference` say so, as it is otherwise. The headers must have named the algorithm
  /// (``writeStreamingHeaders(codec:preference:acceptedCompression:headers:into:)`` with a
  /// preference other than `.disabled`) for a message to be compressed. Throws only for a
  /// message over the 4 GiB envelope limit.
  public func appendMessage(
    _ message: [UInt8], preference: ServerContext.ResponseCompression, to buffer: inout [UInt8]
  ) throws(MessageFramingError) {
    if let compressed = compress(message, preference: preference) {
      try MessageFramer.append(compressed, flags: MessageFramer.compressedFlag, to: &buffer)
    } else {
      try MessageFramer.append(message, to: &buffer)
    }
  }

  /// Appends the end-stream envelope: `error` (nil for success) and `trailers`.
  public func appendEndStream(error: RPCError?, trailers: Metadata, to buffer: inout [UInt8]) {
    // The end-stream JSON is far below the 4 GiB envelope limit.
    try? ConnectEndStream(error: error, metadata: trailers).appendEnvelope(to: &buffer)
  }

  /// `message` compressed, or nil when it goes out as it is: the policy says no, the
  /// compressor failed, or (unless the handler insisted) it did not shrink.
  private func compress(_ message: [UInt8], preference: ServerContext.ResponseCompression)
    -> [UInt8]?
  {
    guard let compressor,
      policy.shouldCompress(size: message.count, negotiated: algorithm, preference: preference)
    else { return nil }
    var compressed: [UInt8] = []
    let succeeded = message.withUnsafeBytes { raw in
      (try? compressor.compress(raw, appendingTo: &compressed)) != nil
    }
    guard succeeded, preference == .enabled || compressed.count < message.count else {
      return nil
    }
    return compressed
  }
}
