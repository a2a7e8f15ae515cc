public import NIOCore
internal import NIOPosix
public import SluiceRuntime
public import SluiceTransport
internal import Synchronization

/// A ``ClientTransport`` speaking gRPC over HTTP/2 to one address, through one
/// connection at a time: made on the first call, replaced when it closes or drains
/// (GOAWAY). Generated clients call through it:
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
/// keep trying, once a second, until its deadline.
public final class HTTP2ClientTransport: ClientTransport, Sendable {
  /// How connections are secured.
  public enum Security: Sendable {
    /// h2c: HTTP/2 over plain TCP.
    case plaintext
    /// TLS over the system's OpenSSL with ALPN `h2` (whatever protocols the
    /// configuration lists). The server certificate is checked against the
    /// configuration's `serverName`, or else the target's host name.
    case tls(TLSClientConfiguration)
  }

  /// Where calls go.
  public let target: ConnectionTarget
  /// Settings of every connection.
  public let configuration: HTTP2ClientConnection.Configuration
  /// Pause between connection attempts of a call with `waitForReady`.
  static let reconnectPause: Duration = .seconds(1)

  private let security: HTTP2ClientConnection.Security
  private let group: any EventLoopGroup
  private let state = Mutex(TransportState())

  private struct TransportState {
    var connection: HTTP2ClientConnection?
    var isClosed = false
  }

  /// Creates a transport; nothing connects until the first call.
  /// - Parameter eventLoopGroup: Where connections run; nil uses SwiftNIO's shared
  ///   `MultiThreadedEventLoopGroup.singleton` (one thread per core).
  /// - Throws: `TLSError` when the TLS configuration's files cannot be loaded.
  public init(
    target: ConnectionTarget, security: Security = .plaintext,
    configuration: HTTP2ClientConnection.Configuration = HTTP2ClientConnection.Configuration(),
    eventLoopGroup: (any EventLoopGroup)? = nil
  ) throws(TLSError) {
    self.target = target
    self.configuration = configuration
    group = eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
    switch security {
    case .plaintext:
      self.security = .plaintext
    case .tls(var tls):
      tls.applicationProtocols = ["h2"]
      tls.requireApplicationProtocol = true
      let context = try TLSContext(configuration: tls)
      self.security = .tls(context, serverName: tls.serverName ?? target.hostName)
    }
  }

  /// The message encoding (``HTTP2ClientConnection/Configuration/codec``).
  public var codec: MessageCodec { configuration.codec }

  /// Performs a call with one request and one response.
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    try await readyConnection(options).unary(method: method, request: request, options: options)
  }

  /// Starts a call of any kind.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    try await readyConnection(options).stream(method: method, options: options)
  }

  deinit {
    close()
  }

  /// Closes the transport: the connection finishes its open calls and closes; new calls
  /// fail with `UNAVAILABLE`. Dropping the transport does the same.
  public func close() {
    let connection = state.withLock { state in
      state.isClosed = true
      defer { state.connection = nil }
      return state.connection
    }
    connection?.close()
  }

  /// The connection calls should use now, connected; with `waitForReady`, retried until
  /// the call's deadline.
  private func readyConnection(_ options: CallOptions) async throws(RPCError) -> HTTP2ClientConnection {
    let deadline = options.timeout.map { ContinuousClock.now.advanced(by: $0) }
    let loopDeadline = options.timeout.map(NIODeadline.after)
    var drainedConnections = 0
    while true {
      let connection = try currentConnection()
      do {
        try await connection.waitUntilReady(deadline: loopDeadline)
        if connection.connectionState == .ready { return connection }
        // Draining already (GOAWAY arrived meanwhile): the next round replaces it, a few
        // times at most (a server that sends GOAWAY at once gets the call refused).
        drainedConnections += 1
        if drainedConnections > 3 { return connection }
        continue
      } catch {
        guard options.waitForReady, error.code == .unavailable else { throw error }
      }
      var pause = Self.reconnectPause
      if let deadline {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { throw ClientConnectionHandler.deadlineError }
        pause = min(pause, remaining)
      }
      do {
        try await Task.sleep(for: pause)
      } catch {
        throw StreamingClientCall.cancelledError
      }
    }
  }

  private func currentConnection() throws(RPCError) -> HTTP2ClientConnection {
    let connection: HTTP2ClientConnection? = state.withLock { state in
      guard !state.isClosed else { return nil }
      if let connection = state.connection {
        switch connection.connectionState {
        case .idle, .connecting, .ready: return connection
        case .draining, .closed: break
        }
      }
      let connection = HTTP2ClientConnection(
        target: target, security: security, configuration: configuration, eventLoop: group.next())
      state.connection = connection
      return connection
    }
    guard let connection else {
      throw RPCError(code: .unavailable, message: "the transport to \(target) is closed")
    }
    return connection
  }
}
