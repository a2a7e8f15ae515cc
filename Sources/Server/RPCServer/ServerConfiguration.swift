public import SluiceRuntime
public import SluiceTransport

/// Where a ``Server`` listens and the limits it enforces.
public struct ServerConfiguration: Sendable {
  /// The address to bind, such as `127.0.0.1` or `0.0.0.0`.
  public var host: String
  /// The port to bind; 0 picks a free one (read it from ``Server/start()``).
  public var port: Int
  /// Event-loop threads; nil for one per core.
  public var eventLoopThreads: Int?
  /// The largest request message accepted (compressed or not); larger ones fail with
  /// `RESOURCE_EXHAUSTED`.
  public var maxReceiveMessageSize: Int
  /// Streams a client may open at once on one HTTP/2 connection.
  public var maxConcurrentStreams: UInt32
  /// The largest request header list accepted, in bytes (HTTP/2 and HTTP/1.1).
  public var maxHeaderListSize: UInt32
  /// The HTTP/2 receive window per stream (at least 1 MiB lets 64 KiB messages flow).
  public var initialWindowSize: UInt32
  /// Request bytes a streaming handler may leave unread before the server stops
  /// granting the client flow-control credit.
  public var maxBufferedRequestBytes: Int
  /// Whether gRPC requests must carry `te: trailers`.
  public var requireTE: Bool
  /// TLS for the port, or nil to serve plaintext only. With TLS, each connection's
  /// first bytes tell a TLS handshake from plaintext; ALPN then picks HTTP/2 or HTTP/1.1.
  public var tls: TLSServerConfiguration?
  /// Whether plaintext (h2c and HTTP/1.1) is still served on the port when ``tls`` is set.
  public var allowPlaintext: Bool
  /// How often the TLS certificate, key and CA files are checked for changes (which
  /// reload them), or nil to reload only on SIGHUP and ``Server/reloadTLS()``.
  public var tlsReloadPollInterval: Duration?
  /// When response messages are compressed; by default, messages of 1 KiB and more when
  /// the client accepts gzip or deflate. Handlers decide per call with
  /// `ServerContext.responseCompression`.
  public var responseCompression: ResponseCompressionPolicy
  /// The server's HTTP/2 keepalive PINGs, or nil to send none.
  public var keepalive: Keepalive?
  /// How long an HTTP/2 connection may stay without open calls before the server closes
  /// it gracefully (GOAWAY), or nil to keep idle connections open.
  public var idleTimeout: Duration?
  /// How often clients may send HTTP/2 PINGs (gRPC's keepalive enforcement).
  public var clientKeepalivePolicy: ClientKeepalivePolicy

  /// Creates a configuration; the defaults suit most servers.
  public init(
    host: String = "127.0.0.1",
    port: Int = 50051,
    eventLoopThreads: Int? = nil,
    maxReceiveMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize,
    maxConcurrentStreams: UInt32 = 100,
    maxHeaderListSize: UInt32 = 16_384,
    initialWindowSize: UInt32 = 1 << 20,
    maxBufferedRequestBytes: Int = 4 << 20,
    requireTE: Bool = true,
    tls: TLSServerConfiguration? = nil,
    allowPlaintext: Bool = true,
    tlsReloadPollInterval: Duration? = .seconds(5),
    responseCompression: ResponseCompressionPolicy = ResponseCompressionPolicy(),
    keepalive: Keepalive? = Keepalive(),
    idleTimeout: Duration? = nil,
    clientKeepalivePolicy: ClientKeepalivePolicy = ClientKeepalivePolicy()
  ) {
    self.host = host
    self.port = port
    self.eventLoopThreads = eventLoopThreads
    self.maxReceiveMessageSize = maxReceiveMessageSize
    self.maxConcurrentStreams = maxConcurrentStreams
    self.maxHeaderListSize = maxHeaderListSize
    self.initialWindowSize = initialWindowSize
    self.maxBufferedRequestBytes = maxBufferedRequestBytes
    self.requireTE = requireTE
    self.tls = tls
    self.allowPlaintext = allowPlaintext
    self.tlsReloadPollInterval = tlsReloadPollInterval
    self.responseCompression = responseCompression
    self.keepalive = keepalive
    self.idleTimeout = idleTimeout
    self.clientKeepalivePolicy = clientKeepalivePolicy
  }

  /// The protocol options the request parser and state machines use. Requests may be
  /// compressed with gzip or deflate; responses as ``responseCompression`` says.
  var protocolOptions: ServerProtocolOptions {
    ServerProtocolOptions(
      maxReceiveMessageSize: maxReceiveMessageSize, supportedCompression: [.gzip, .deflate],
      requireTE: requireTE, responseCompression: responseCompression)
  }
}
