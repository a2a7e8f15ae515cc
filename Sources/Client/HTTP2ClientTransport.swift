public import NIOCore
public import SluiceRuntime
public import SluiceTransport

/// A ``ClientTransport`` to one server address with the settings of a single connection:
/// a ``ClientChannel`` with one connection per address, no retry policy and no idle
/// timeout, for callers that think in terms of one connection. The connection is made on
/// the first call and replaced when it closes or drains (GOAWAY):
///
/// ```swift
/// let transport = try HTTP2ClientTransport(target: .host("127.0.0.1", port: 50051))
/// let client = Grpc_Testing_TestService.Client(transport: transport)
/// let reply = try await client.unaryCall(request, options: CallOptions(timeout: .seconds(2)))
/// transport.close()
/// ```
///
/// A call that cannot get a connection fails with `UNAVAILABLE` naming the reason
/// (connection refused, TLS failure ...), unless `CallOptions.waitForReady` asks it to
/// wait, reconnecting with gRPC's backoff, until its deadline. A host name that resolves
/// to several addresses gets a connection to each, used in turn.
public final class HTTP2ClientTransport: ClientTransport, Sendable {
  /// How connections are secured (h2c, or TLS with ALPN `h2` checked against the
  /// configuration's `serverName`, else the target's host name).
  public typealias Security = ClientChannel.Security

  /// Where calls go.
  public let target: ConnectionTarget
  /// Settings of the connection.
  public let configuration: HTTP2ClientConnection.Configuration

  private let channel: ClientChannel

  /// Creates a transport; nothing connects until the first call.
  /// - Parameter eventLoopGroup: Where the connection runs; nil uses SwiftNIO's shared
  ///   `MultiThreadedEventLoopGroup.singleton`.
  /// - Throws: `TLSError` when the TLS configuration's files cannot be loaded.
  public init(
    target: ConnectionTarget, security: Security = .plaintext,
    configuration: HTTP2ClientConnection.Configuration = HTTP2ClientConnection.Configuration(),
    eventLoopGroup: (any EventLoopGroup)? = nil
  ) throws(TLSError) {
    self.target = target
    self.configuration = configuration
    var channelConfiguration = ClientChannel.Configuration(security: security, idleTimeout: nil)
    channelConfiguration.connection = configuration
    channelConfiguration.connection.authority = configuration.authority ?? target.authority
    channel = try ClientChannel(
      target: Self.clientTarget(target), configuration: channelConfiguration,
      pool: Self.pool, eventLoopGroup: eventLoopGroup)
  }

  /// One connection per address, never closed for idleness, gRPC's backoff.
  private static let pool = ConnectionPoolState.Configuration.singleConnection

  /// The channel target of a connection target: IP addresses as they are, other host
  /// names resolved.
  private static func clientTarget(_ target: ConnectionTarget) -> ClientTarget {
    switch target {
    case .host(let host, let port):
      if let address = try? Address(ipAddress: host, port: port) { return .addresses([address]) }
      return .dns(host: host, port: port)
    case .unixDomainSocket(let path):
      return .addresses([.unixDomainSocket(path: path)])
    }
  }

  /// The message encoding (``HTTP2ClientConnection/Configuration/codec``).
  public var codec: MessageCodec { configuration.codec }

  /// Performs a call with one request and one response.
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    try await channel.unary(method: method, request: request, options: options)
  }

  /// Starts a call of any kind.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    try await channel.stream(method: method, options: options)
  }

  /// Closes the transport: the connection finishes its open calls and closes; new calls
  /// fail with `UNAVAILABLE`. Dropping the transport does the same.
  public func close() {
    channel.close()
  }
}
