/// A request that passed header validation: everything a server needs to run the call.
public struct RPCRequest: Sendable {
  /// The handler serving the request's path.
  public var handler: RPCHandler
  /// The protocol and content type; responses use the same.
  public var wireProtocol: RPCWireProtocol
  /// The codec for request and response messages.
  public var codec: MessageCodec
  /// The client's timeout (`grpc-timeout`, `connect-timeout-ms`); nil for none.
  public var timeout: Duration?
  /// The client's metadata: custom headers only (no pseudo-headers, no protocol headers
  /// such as `content-type`, `te`, `grpc-timeout`), `-bin` values decoded.
  public var metadata: Metadata
  /// How request messages are compressed (`grpc-encoding`, `content-encoding`,
  /// `connect-content-encoding`, GET's `compression`); `.identity` for none. Always one
  /// the server supports.
  public var requestCompression: CompressionAlgorithm
  /// The client's most preferred algorithm the server also supports, from its accept
  /// list (for Connect without one: the request's own compression); `.identity` when
  /// responses must not be compressed. The server may still choose not to compress.
  public var responseCompression: CompressionAlgorithm
  /// Whether this is a Connect GET, whose message came in the query.
  public var isGET: Bool
  /// A Connect GET's request message (compressed with ``requestCompression``); empty
  /// for other requests, whose messages follow in the body.
  public var getMessage: [UInt8]

  /// The RPC's kind, from its handler.
  public var kind: RPCKind { handler.kind }
}
