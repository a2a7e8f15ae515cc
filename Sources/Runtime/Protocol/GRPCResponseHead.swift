/// Writes gRPC response headers and trailers (`Response-Headers`, `Trailers`,
/// `Trailers-Only` of gRPC's HTTP/2 protocol) into a ``HeaderBlock``.
public enum GRPCResponseHead {
  /// Appends `Response-Headers`: `:status 200`, `content-type`, `grpc-encoding` when
  /// messages are compressed, `grpc-accept-encoding`, then `metadata` (reserved keys
  /// skipped, `-bin` values base64).
  public static func writeHeaders(
    into block: inout HeaderBlock, contentType: GRPCContentType,
    compression: CompressionAlgorithm = .identity,
    acceptedCompression: CompressionAlgorithmSet? = nil, metadata: Metadata
  ) {
    block.append(name: ":status", value: "200")
    block.append(name: "content-type", value: contentType.headerValue)
    if compression != .identity { block.append(name: "grpc-encoding", value: compression.name) }
    if let acceptedCompression { writeAcceptEncoding(acceptedCompression, into: &block) }
    MetadataHeaders.write(metadata, into: &block)
  }

  /// Appends `Trailers`: `grpc-status` (0 without an error), `grpc-message`
  /// (percent-encoded) and `grpc-status-details-bin` for an error with a message and
  /// details, then `metadata` followed by the error's own metadata.
  public static func writeTrailers(
    into block: inout HeaderBlock, error: RPCError?, metadata: Metadata
  ) {
    guard let error else {
      block.append(name: "grpc-status", value: "0")
      MetadataHeaders.write(metadata, into: &block)
      return
    }
    block.append(name: "grpc-status") { ASCII.appendDecimal(error.code.rawValue, to: &$0) }
    if !error.message.isEmpty {
      block.append(name: "grpc-message") { GRPCStatusMessage.encode(error.message, into: &$0) }
    }
    if !error.details.isEmpty {
      block.append(name: "grpc-status-details-bin") { GRPCStatusDetails.encode(error, into: &$0) }
    }
    MetadataHeaders.write(metadata, into: &block)
    MetadataHeaders.write(error.metadata, into: &block)
  }

  /// Appends a `Trailers-Only` response: `:status` (200 unless rejecting at the HTTP
  /// level), `content-type`, `grpc-accept-encoding` when given, then the trailers as
  /// ``writeTrailers(into:error:metadata:)`` writes them. Sent as one HEADERS frame with
  /// END_STREAM.
  public static func writeTrailersOnly(
    into block: inout HeaderBlock, httpStatus: Int = 200, contentType: GRPCContentType,
    error: RPCError?, metadata: Metadata, acceptedCompression: CompressionAlgorithmSet? = nil
  ) {
    writeStatus(httpStatus, into: &block)
    block.append(name: "content-type", value: contentType.headerValue)
    if let acceptedCompression { writeAcceptEncoding(acceptedCompression, into: &block) }
    writeTrailers(into: &block, error: error, metadata: metadata)
  }

  static func writeAcceptEncoding(_ set: CompressionAlgorithmSet, into block: inout HeaderBlock) {
    block.append(name: "grpc-accept-encoding", value: names(set.union(.identity)))
  }

  /// The names of the algorithms in `set`, comma-separated, in
  /// `CompressionAlgorithm.allCases` order: constants, so writing them allocates nothing.
  static func names(_ set: CompressionAlgorithmSet) -> StaticString {
    switch (set.contains(.identity), set.contains(.gzip), set.contains(.deflate)) {
    case (false, false, false): ""
    case (true, false, false): "identity"
    case (false, true, false): "gzip"
    case (true, true, false): "identity,gzip"
    case (false, false, true): "deflate"
    case (true, false, true): "identity,deflate"
    case (false, true, true): "gzip,deflate"
    case (true, true, true): "identity,gzip,deflate"
    }
  }

  /// Appends `:status`.
  static func writeStatus(_ status: Int, into block: inout HeaderBlock) {
    if status == 200 {
      block.append(name: ":status", value: "200")
    } else {
      block.append(name: ":status") { ASCII.appendDecimal(status, to: &$0) }
    }
  }
}
