/// Writes Connect protocol response headers into a ``HeaderBlock``.
public enum ConnectResponseHead {
  /// Appends a successful unary response's headers: `:status 200`, `content-type`
  /// (`application/json` or `application/proto`), `content-encoding` when the body is
  /// compressed, `accept-encoding` listing what the server accepts, `headers` as they
  /// are, and `trailers` with each key prefixed by `trailer-`.
  public static func writeUnaryHeaders(
    into block: inout HeaderBlock, codec: WireCodec, compression: CompressionAlgorithm = .identity,
    acceptedCompression: CompressionAlgorithmSet? = nil, headers: Metadata, trailers: Metadata
  ) {
    block.append(name: ":status", value: "200")
    block.append(
      name: "content-type", value: codec == .json ? "application/json" : "application/proto")
    if compression != .identity { block.append(name: "content-encoding", value: compression.name) }
    if let acceptedCompression {
      writeAccept(acceptedCompression, name: "accept-encoding", into: &block)
    }
    MetadataHeaders.write(headers, into: &block)
    MetadataHeaders.write(trailers, prefix: "trailer-", into: &block)
  }

  /// Appends a unary error response's headers: the HTTP status of the error's code,
  /// `content-type: application/json`, `accept-encoding` when given, `headers`, the
  /// error's own metadata (as plain headers, as connect-go does), and `trailers` prefixed
  /// by `trailer-`. The body is ``ConnectErrorJSON/encode(_:options:)``.
  public static func writeUnaryErrorHeaders(
    into block: inout HeaderBlock, error: RPCError, httpStatus: Int? = nil,
    acceptedCompression: CompressionAlgorithmSet? = nil, headers: Metadata, trailers: Metadata
  ) {
    GRPCResponseHead.writeStatus(httpStatus ?? error.code.connectHTTPStatus, into: &block)
    block.append(name: "content-type", value: "application/json")
    if let acceptedCompression {
      writeAccept(acceptedCompression, name: "accept-encoding", into: &block)
    }
    MetadataHeaders.write(headers, into: &block)
    MetadataHeaders.write(error.metadata, into: &block)
    MetadataHeaders.write(trailers, prefix: "trailer-", into: &block)
  }

  /// Appends a streaming response's headers: `:status 200`, `content-type`
  /// (`application/connect+json` or `+proto`), `connect-content-encoding` when envelopes
  /// are compressed, `connect-accept-encoding`, and `headers`. Trailers travel in the
  /// end-stream envelope (``ConnectEndStream``).
  public static func writeStreamingHeaders(
    into block: inout HeaderBlock, codec: WireCodec, compression: CompressionAlgorithm = .identity,
    acceptedCompression: CompressionAlgorithmSet? = nil, headers: Metadata
  ) {
    block.append(name: ":status", value: "200")
    block.append(
      name: "content-type",
      value: codec == .json ? "application/connect+json" : "application/connect+proto")
    if compression != .identity {
      block.append(name: "connect-content-encoding", value: compression.name)
    }
    if let acceptedCompression {
      writeAccept(acceptedCompression, name: "connect-accept-encoding", into: &block)
    }
    MetadataHeaders.write(headers, into: &block)
  }

  /// Appends an accept list of the non-identity algorithms (identity is implied), if any.
  private static func writeAccept(
    _ set: CompressionAlgorithmSet, name: StaticString, into block: inout HeaderBlock
  ) {
    let set = set.subtracting(.identity)
    guard !set.isEmpty else { return }
    block.append(name: name, value: GRPCResponseHead.names(set))
  }
}
