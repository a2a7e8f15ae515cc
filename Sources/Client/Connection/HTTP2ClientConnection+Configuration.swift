public import SluiceRuntime

extension HTTP2ClientConnection {
  /// Settings of one client connection and the calls on it.
  public struct Configuration: Sendable {
    /// How messages are encoded: protobuf (`application/grpc+proto`, the default) or
    /// JSON (`application/grpc+json`).
    public var codec: MessageCodec
    /// How long connecting may take, TCP and TLS handshakes and the server's first
    /// SETTINGS included, before the attempt fails with `UNAVAILABLE`.
    public var connectTimeout: Duration
    /// HTTP/2 PINGs that detect a dead peer; nil (the default) sends none.
    public var keepalive: Keepalive?
    /// The largest response message accepted, after decompression; larger ones fail
    /// the call with `RESOURCE_EXHAUSTED`. gRPC's customary 4 MiB by default.
    public var maxReceiveMessageSize: Int
    /// The `user-agent` product token; a `user-agent` in a call's metadata is put in
    /// front of it.
    public var userAgent: String
    /// The `:authority` calls carry; nil uses the target's `host:port`.
    public var authority: String?
    /// The receive window of each stream (SETTINGS_INITIAL_WINDOW_SIZE): response bytes
    /// the server may send ahead of the caller reading them.
    public var initialStreamWindowSize: UInt32
    /// The receive window of the whole connection.
    public var connectionWindowSize: UInt32
    /// Response bytes a streaming call buffers for its reader before the connection
    /// stops granting the server flow-control credit for it; credit resumes once the
    /// reader has taken half of them.
    public var maxBufferedResponseBytes: Int

    /// Creates a configuration; every argument has the recommended default.
    public init(
      codec: MessageCodec = .protobuf, connectTimeout: Duration = .seconds(20),
      keepalive: Keepalive? = nil, maxReceiveMessageSize: Int = 4 * 1024 * 1024,
      userAgent: String = "grpc-swift-sluice/1.0", authority: String? = nil,
      initialStreamWindowSize: UInt32 = 256 * 1024, connectionWindowSize: UInt32 = 4 * 1024 * 1024,
      maxBufferedResponseBytes: Int = 256 * 1024
    ) {
      self.codec = codec
      self.connectTimeout = connectTimeout
      self.keepalive = keepalive
      self.maxReceiveMessageSize = maxReceiveMessageSize
      self.userAgent = userAgent
      self.authority = authority
      self.initialStreamWindowSize = initialStreamWindowSize
      self.connectionWindowSize = connectionWindowSize
      self.maxBufferedResponseBytes = maxBufferedResponseBytes
    }
  }

  /// Keepalive PINGs: one every `interval`; a PING not answered within `timeout`
  /// closes the connection (reason ``CloseReason/keepaliveTimeout``), failing its calls
  /// with `UNAVAILABLE`.
  public struct Keepalive: Sendable, Hashable {
    /// Time between PINGs.
    public var interval: Duration
    /// How long to wait for a PING's acknowledgement.
    public var timeout: Duration
    /// Whether to send PINGs while no call is open (servers may object to that with
    /// GOAWAY `ENHANCE_YOUR_CALM`).
    public var permitWithoutCalls: Bool

    /// Creates keepalive settings.
    public init(interval: Duration, timeout: Duration = .seconds(20), permitWithoutCalls: Bool = false) {
      self.interval = interval
      self.timeout = timeout
      self.permitWithoutCalls = permitWithoutCalls
    }
  }
}
