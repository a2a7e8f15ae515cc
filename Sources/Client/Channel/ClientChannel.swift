public import NIOCore
internal import NIOPosix
public import SluiceRuntime
internal import SluiceTransport

/// A ``ClientTransport`` that spreads calls over HTTP/2 connections to a target's
/// addresses, and reconnects and retries as gRPC clients do. Generated clients call
/// through it:
///
/// ```swift
/// let channel = try ClientChannel(target: "dns:///ingest.example.com:443",
///   configuration: .init(security: .tls(TLSClientConfiguration())))
/// let client = Sluice_V1_IngestService.Client(transport: channel)
/// let reply = try await client.ingest(request, options: CallOptions(timeout: .seconds(5)))
/// channel.close()
/// ```
///
/// - **Addresses**: a ``ClientTarget``: one `host:port`, a list of IP addresses, a DNS
///   name (resolved with the system resolver, again after connection failures and
///   GOAWAY), or a Unix domain socket. Calls go round-robin over the addresses; an
///   address that cannot be reached is skipped while it backs off.
/// - **Connections** open lazily, on the first call. Each address gets up to
///   ``Configuration/connectionsPerAddress`` connections, a new one when the calls in
///   flight use every stream the server allows (`MAX_CONCURRENT_STREAMS`); calls wait
///   for a stream beyond that. A failed connection attempt backs off exponentially with
///   jitter (``ConnectionBackoff``). A server's GOAWAY drains its connection: calls in
///   flight finish, new calls go elsewhere, calls the server refused are retried.
///   Keepalive PINGs and the idle timeout are per connection.
/// - **Failures** are `RPCError`s. A call that finds no connection fails at once with
///   `UNAVAILABLE` naming the last connection error (connection refused, TLS ...),
///   unless `CallOptions.waitForReady` asks it to wait for a connection until its
///   deadline. A connection lost under a call fails it with `UNAVAILABLE` and the reason.
/// - **Retries**: a call the server never processed (refused stream, GOAWAY, or never
///   sent) is retried transparently, up to ``maxTransparentRetries`` times. With a
///   ``Configuration/retryPolicy``, failures with a retryable status (`UNAVAILABLE`;
///   `RESOURCE_EXHAUSTED` when the server pushes back with a delay) of methods marked
///   idempotent are retried with backoff, within the policy's attempts, the
///   ``Configuration/retryThrottle`` budget and the deadline; retries carry
///   `grpc-previous-rpc-attempts`. Unary calls are retried whole. Streams are retried
///   until their response headers arrive when the request side is one message (unary
///   and server-streaming methods); client-streaming and bidirectional calls only until
///   their stream opens, since their requests are not kept for a replay.
///
/// The channel's connections, timers and bookkeeping all live on one event loop of the
/// group it is given; callers run anywhere.
public final class ClientChannel: ClientTransport, Sendable {
  /// Where calls go.
  public let target: ClientTarget
  /// The channel's settings.
  public let configuration: Configuration
  /// Transparent retries a call gets at most (calls the server did not process).
  public static let maxTransparentRetries = 3

  let calls: ChannelCalls

  /// Creates a channel; nothing connects until the first call.
  /// - Parameter eventLoopGroup: Where the connections run (on one of its loops); nil
  ///   uses SwiftNIO's shared `MultiThreadedEventLoopGroup.singleton`.
  /// - Throws: ``ClientChannelError`` when a setting is invalid or the TLS files cannot
  ///   be loaded.
  public convenience init(
    target: ClientTarget, configuration: Configuration = Configuration(),
    eventLoopGroup: (any EventLoopGroup)? = nil
  ) throws(ClientChannelError) {
    let pool: ConnectionPoolState.Configuration
    do {
      pool = try ConnectionPoolState.Configuration(
        connectionsPerAddress: configuration.connectionsPerAddress,
        idleTimeout: configuration.idleTimeout, backoff: configuration.backoff)
    } catch {
      throw .invalidConfiguration(error)
    }
    do {
      try self.init(
        target: target, configuration: configuration, pool: pool, eventLoopGroup: eventLoopGroup)
    } catch {
      throw .tls(error)
    }
  }

  /// Creates a channel whose pool settings were checked already.
  init(
    target: ClientTarget, configuration: Configuration, pool: ConnectionPoolState.Configuration,
    eventLoopGroup: (any EventLoopGroup)?
  ) throws(TLSError) {
    self.target = target
    self.configuration = configuration
    var security = ChannelSecurity.plaintext
    if case .tls(var tls) = configuration.security {
      tls.applicationProtocols = ["h2"]
      tls.requireApplicationProtocol = true
      security = .tls(try TLSContext(configuration: tls), serverName: tls.serverName)
    }
    var connection = configuration.connection
    if connection.authority == nil { connection.authority = target.authority }
    let core = ChannelCore(
      target: target, pool: pool, security: security, connection: connection,
      loop: (eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton).next())
    calls = ChannelCalls(
      core: core, retryPolicy: configuration.retryPolicy, throttle: configuration.retryThrottle,
      connection: connection)
  }

  /// Creates a channel to a target in gRPC's syntax (``ClientTarget/init(parsing:defaultPort:)``):
  /// `host:port`, `dns:///host:port`, `ipv4:1.2.3.4:80,5.6.7.8:80`, `unix:/path` ...
  public convenience init(
    target: String, configuration: Configuration = Configuration(),
    eventLoopGroup: (any EventLoopGroup)? = nil
  ) throws(ClientChannelError) {
    let parsed: ClientTarget
    do {
      parsed = try ClientTarget(parsing: target)
    } catch {
      throw .invalidTarget(error)
    }
    try self.init(target: parsed, configuration: configuration, eventLoopGroup: eventLoopGroup)
  }

  deinit {
    close()
  }

  /// The message encoding (``Configuration/codec``).
  public var codec: MessageCodec { configuration.codec }

  /// Performs a call with one request and one response, retrying it as configured.
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    try await calls.unary(method: method, request: request, options: options)
  }

  /// Starts a call of any kind on a connection with a free stream and returns its
  /// stream; the request headers are on their way when this returns.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    try await calls.stream(method: method, options: options)
  }

  /// Closes the channel: calls waiting for a connection fail with `UNAVAILABLE`, calls in
  /// flight finish, then the connections close; new calls fail with `UNAVAILABLE`.
  /// Dropping the channel does the same.
  public func close() {
    calls.core.shutDown()
  }

  /// The channel's connectivity state (gRPC's `connectivity-semantics-and-api.md`).
  public func connectivity() async -> ConnectionPoolState.Connectivity {
    await calls.core.connectivity()
  }
}
