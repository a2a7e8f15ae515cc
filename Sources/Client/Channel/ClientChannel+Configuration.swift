public import SluiceRuntime
public import SluiceTransport

extension ClientChannel {
  /// How a channel's connections are secured.
  public enum Security: Sendable {
    /// h2c: HTTP/2 over plain TCP (or a Unix domain socket) with prior knowledge.
    case plaintext
    /// TLS over the system's OpenSSL with ALPN `h2`. The server certificate is checked
    /// against the configuration's `serverName`, or else the target's host name (the DNS
    /// name, or the IP address of a fixed address).
    case tls(TLSClientConfiguration)
  }

  /// Settings of a channel: its connections, how it reconnects and retries, and the calls.
  public struct Configuration: Sendable {
    /// How connections are secured.
    public var security: Security
    /// How many connections to one address may take new calls. A second (third ...)
    /// connection opens when the calls in flight use every stream the server allows
    /// (`MAX_CONCURRENT_STREAMS`) on the open ones; at least 1.
    public var connectionsPerAddress: Int
    /// The wait between connection attempts to an address that failed, and the time an
    /// attempt may take (gRPC's connection backoff).
    public var backoff: ConnectionBackoff
    /// A connection carrying no call for this long is closed (the next call reconnects);
    /// nil keeps connections open. Positive.
    public var idleTimeout: Duration?
    /// How failed calls are retried; nil retries only calls the server never processed
    /// (transparent retries, gRFC A6).
    public var retryPolicy: RetryPolicy?
    /// The channel-wide retry budget; nil puts no limit on retries beyond the policy's.
    public var retryThrottle: RetryThrottle?
    /// Settings of every connection: codec, keepalive, message size limit, user agent,
    /// `:authority` (nil: the target's), flow-control windows. A connection attempt gets
    /// the smaller of its `connectTimeout` and the backoff's connect timeout
    /// (``ConnectionBackoff/connectTimeout(forBackoff:)``).
    public var connection: HTTP2ClientConnection.Configuration

    /// Creates a configuration; every argument has the recommended default: plaintext,
    /// one connection per address, gRPC's backoff, 30 minutes idle timeout, no retry
    /// policy, no throttle, no keepalive, 4 MiB messages, protobuf.
    public init(
      security: Security = .plaintext, connectionsPerAddress: Int = 1,
      keepalive: HTTP2ClientConnection.Keepalive? = nil, backoff: ConnectionBackoff = .grpcDefault,
      idleTimeout: Duration? = .seconds(30 * 60), retryPolicy: RetryPolicy? = nil,
      retryThrottle: RetryThrottle? = nil, maxReceiveMessageSize: Int = 4 * 1024 * 1024,
      codec: MessageCodec = .protobuf
    ) {
      self.security = security
      self.connectionsPerAddress = connectionsPerAddress
      self.backoff = backoff
      self.idleTimeout = idleTimeout
      self.retryPolicy = retryPolicy
      self.retryThrottle = retryThrottle
      connection = HTTP2ClientConnection.Configuration(
        codec: codec, keepalive: keepalive, maxReceiveMessageSize: maxReceiveMessageSize)
    }

    /// Keepalive PINGs on every connection (``connection``'s); nil sends none.
    public var keepalive: HTTP2ClientConnection.Keepalive? {
      get { connection.keepalive }
      set { connection.keepalive = newValue }
    }

    /// The largest response message accepted (``connection``'s).
    public var maxReceiveMessageSize: Int {
      get { connection.maxReceiveMessageSize }
      set { connection.maxReceiveMessageSize = newValue }
    }

    /// How messages are encoded (``connection``'s).
    public var codec: MessageCodec {
      get { connection.codec }
      set { connection.codec = newValue }
    }
  }
}
