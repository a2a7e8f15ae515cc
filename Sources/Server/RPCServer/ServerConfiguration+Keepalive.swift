extension ServerConfiguration {
  /// The server's keepalive: a PING on every HTTP/2 connection the client has been silent
  /// on for ``interval``; when neither its acknowledgement nor anything else arrives
  /// within ``timeout``, the connection is closed (GOAWAY, then close). This finds dead
  /// peers and keeps idle connections alive through NATs and proxies.
  public struct Keepalive: Sendable, Hashable {
    /// Silence that triggers a PING (gRPC's default: 2 hours).
    public var interval: Duration
    /// How long to wait for the answer (gRPC's default: 20 seconds).
    public var timeout: Duration

    /// Creates keepalive settings; the defaults are gRPC's.
    public init(interval: Duration = .seconds(7_200), timeout: Duration = .seconds(20)) {
      self.interval = interval
      self.timeout = timeout
    }
  }

  /// How often clients may PING (gRFC A8 client-side keepalive, as grpc-core and grpc-go
  /// enforce it): a PING sooner than ``minPingInterval`` after the previous one (or,
  /// without open calls and unless ``permitWithoutCalls``, sooner than 2 hours) is a
  /// strike; the server's HEADERS or DATA clear the strikes; more than
  /// ``maxPingStrikes`` strikes close the connection with GOAWAY ENHANCE_YOUR_CALM and
  /// debug data `too_many_pings`, which gRPC clients answer by doubling their keepalive
  /// time.
  public struct ClientKeepalivePolicy: Sendable, Hashable {
    /// The shortest accepted interval between PINGs while calls are open (gRPC's default:
    /// 5 minutes).
    public var minPingInterval: Duration
    /// Whether clients may PING at that interval without open calls too.
    public var permitWithoutCalls: Bool
    /// Strikes tolerated before the connection is closed (gRPC's default: 2).
    public var maxPingStrikes: Int

    /// Creates a policy; the defaults are gRPC's.
    public init(
      minPingInterval: Duration = .seconds(300), permitWithoutCalls: Bool = false,
      maxPingStrikes: Int = 2
    ) {
      self.minPingInterval = minPingInterval
      self.permitWithoutCalls = permitWithoutCalls
      self.maxPingStrikes = max(0, maxPingStrikes)
    }
  }
}
