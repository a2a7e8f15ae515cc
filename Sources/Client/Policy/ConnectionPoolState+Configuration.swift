extension ConnectionPoolState {
  /// How many connections the pool opens, how it backs off and when it lets go of them.
  public struct Configuration: Sendable, Hashable {
    /// The most connections to one address that take new calls (draining ones aside).
    public let connectionsPerAddress: Int
    /// The stream limit assumed for a connection until the server's `SETTINGS` give
    /// `MAX_CONCURRENT_STREAMS`, and when they never do.
    public let defaultMaxConcurrentStreams: Int
    /// How long a connection may carry no call before it is closed; nil: never.
    public let idleTimeout: Duration?
    /// The backoff between connection attempts to one address (and between attempts to
    /// resolve a name that failed to resolve), and the connect timeout.
    public let backoff: ConnectionBackoff

    /// One connection per address, 100 streams until the server says otherwise, closed
    /// after 30 minutes idle (gRPC's default channel idle timeout), gRPC's backoff.
    public static let standard = Configuration(
      unchecked: 1, defaultMaxConcurrentStreams: 100, idleTimeout: .seconds(30 * 60),
      backoff: .grpcDefault)

    /// One connection per address that is never closed for idleness, 100 streams until
    /// the server says otherwise, gRPC's backoff.
    public static let singleConnection = Configuration(
      unchecked: 1, defaultMaxConcurrentStreams: 100, idleTimeout: nil, backoff: .grpcDefault)

    /// Creates a configuration; counts must be at least 1 and the idle timeout positive.
    public init(
      connectionsPerAddress: Int = 1, defaultMaxConcurrentStreams: Int = 100,
      idleTimeout: Duration? = .seconds(30 * 60), backoff: ConnectionBackoff = .grpcDefault
    ) throws(PolicyConfigurationError) {
      guard connectionsPerAddress >= 1 else {
        throw PolicyConfigurationError(
          setting: "connectionsPerAddress", reason: "must be at least 1")
      }
      guard defaultMaxConcurrentStreams >= 1 else {
        throw PolicyConfigurationError(
          setting: "defaultMaxConcurrentStreams", reason: "must be at least 1")
      }
      if let idleTimeout, idleTimeout <= .zero {
        throw PolicyConfigurationError(setting: "idleTimeout", reason: "must be positive")
      }
      self.init(
        unchecked: connectionsPerAddress, defaultMaxConcurrentStreams: defaultMaxConcurrentStreams,
        idleTimeout: idleTimeout, backoff: backoff)
    }

    private init(
      unchecked connectionsPerAddress: Int, defaultMaxConcurrentStreams: Int,
      idleTimeout: Duration?, backoff: ConnectionBackoff
    ) {
      self.connectionsPerAddress = connectionsPerAddress
      self.defaultMaxConcurrentStreams = defaultMaxConcurrentStreams
      self.idleTimeout = idleTimeout
      self.backoff = backoff
    }
  }
}
