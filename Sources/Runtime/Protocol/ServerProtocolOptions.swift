/// Server-side protocol settings shared by request classification and the stream state
/// machines.
public struct ServerProtocolOptions: Sendable {
  /// The largest request message accepted, compressed or decompressed (gRPC's customary
  /// 4 MiB by default); larger ones fail with `RESOURCE_EXHAUSTED`.
  public var maxReceiveMessageSize: Int
  /// Compression the server can decode and encode besides `identity` (always supported).
  public var supportedCompression: CompressionAlgorithmSet
  /// Whether gRPC requests must carry `te: trailers`, as the protocol requires (it
  /// detects proxies that would drop trailers).
  public var requireTE: Bool
  /// Whether Connect requests must carry `connect-protocol-version: 1` (GET:
  /// `connect=v1`); the protocol lets servers demand it. When present it is always
  /// checked.
  public var requireConnectProtocolVersion: Bool
  /// Whether the client's `user-agent` reaches handlers as request metadata (gRPC core's
  /// default). Turning it off saves the allocations of copying it on every call.
  public var surfaceUserAgent: Bool
  /// When responses are compressed; its algorithms also decide which one of a client's
  /// accept list a call negotiates (``RPCRequest/responseCompression``).
  public var responseCompression: ResponseCompressionPolicy
  /// The codec for JSON requests (`application/json`, `application/connect+json`,
  /// `application/grpc+json`), with its options.
  public var jsonCodec: MessageCodec

  /// Creates options; the defaults suit most servers.
  public init(
    maxReceiveMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize,
    supportedCompression: CompressionAlgorithmSet = [.gzip],
    requireTE: Bool = true,
    requireConnectProtocolVersion: Bool = false,
    surfaceUserAgent: Bool = true,
    responseCompression: ResponseCompressionPolicy = ResponseCompressionPolicy(),
    jsonCodec: MessageCodec = .json()
  ) {
    self.maxReceiveMessageSize = maxReceiveMessageSize
    self.supportedCompression = supportedCompression
    self.requireTE = requireTE
    self.requireConnectProtocolVersion = requireConnectProtocolVersion
    self.surfaceUserAgent = surfaceUserAgent
    self.responseCompression = responseCompression
    self.jsonCodec = jsonCodec
  }

  /// Whether the server can decode and encode `algorithm`.
  public func supports(_ algorithm: CompressionAlgorithm) -> Bool {
    algorithm == .identity || supportedCompression.contains(algorithm)
  }

  /// The algorithms responses may be compressed with: the policy's, among those the
  /// server supports.
  var responseAlgorithms: CompressionAlgorithmSet {
    responseCompression.algorithms.intersection(supportedCompression)
  }

  /// Every algorithm the server decodes, `identity` included: what response headers
  /// list in `grpc-accept-encoding`, `accept-encoding` and `connect-accept-encoding`.
  public var acceptedCompression: CompressionAlgorithmSet {
    supportedCompression.union(.identity)
  }
}
