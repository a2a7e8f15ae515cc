public import SluiceRuntime
internal import NIOCore
internal import NIOPosix
internal import SluiceTransport
internal import Synchronization

/// An RPC server: gRPC (HTTP/2) and the Connect protocol (HTTP/2 and, for unary calls,
/// HTTP/1.1) on one port, serving the given services, plus any plain HTTP routes
/// (``HTTPRoute``: `/metrics`, `/healthz`) on the same port.
///
/// ```swift
/// let server = try Server(configuration: .init(port: 50051), services: [MyService()])
/// let (host, port) = try await server.start()
/// ...
/// await server.shutdown(gracePeriod: .seconds(5))
/// ```
///
/// With ``ServerConfiguration/tls`` set, the same port also serves TLS (ALPN choosing
/// `h2` or `http/1.1`); the certificate, key and CA files reload without a restart on
/// SIGHUP, when they change (polled), or through ``reloadTLS()``.
///
/// Each connection lives on one event loop (one per core); each call's handler runs as a
/// task that prefers its connection's loop, so a call that does not hop stays on its
/// I/O thread from request to response.
public final class Server: Sendable {
  /// Where the server listens and its limits.
  public let configuration: ServerConfiguration
  private let router: RPCRouter
  private let routes: HTTPRouteTable
  private let group: MultiThreadedEventLoopGroup
  /// The current TLS context, when the server has TLS.
  let tlsStore: TLSContextStore?
  /// Reloads `tlsStore` on SIGHUP and file changes, between start and shutdown.
  private let tlsReloadTrigger: TLSReloadTrigger?
  private let state = Mutex(State())

  private struct State {
    var listener: (any Channel)?
    var connections: [ObjectIdentifier: any Channel] = [:]
    var isShutDown = false
    /// ``run()`` calls waiting for the shutdown to complete.
    var runWaiters: [CheckedContinuation<Void, Never>] = []
  }

  /// Creates a server for `services`; nothing listens until ``start()``.
  ///
  /// Every call of every service runs through `interceptors` (auth, logging, metrics,
  /// tracing), the first outermost, in the handler's task; each method's handler is
  /// wrapped once here, and without interceptors the handlers run unwrapped (see
  /// ``RPCRouter`` and `ServerInterceptor`).
  ///
  /// `routes` answer `GET` and `HEAD` requests for their paths before RPC routing, over
  /// every protocol the port speaks; interceptors do not see them. There are none by
  /// default: add ``HTTPRoute/health(path:isHealthy:)`` for HTTP probes.
  /// - Throws: ``RPCRouter/RegistrationError`` when two services or methods collide;
  ///   ``HTTPRoute/RegistrationError`` when a route's path is malformed, repeated or a
  ///   method's; `TLSError` when the TLS certificate, key or CA files cannot be loaded.
  public init(
    configuration: ServerConfiguration, services: [any RPCService],
    interceptors: [any ServerInterceptor] = [], routes: [HTTPRoute] = []
  ) throws {
    self.configuration = configuration
    router = try RPCRouter(services: services, interceptors: interceptors)
    self.routes = try HTTPRouteTable(routes: routes, router: router)
    if let tls = configuration.tls {
      let store = try TLSContextStore(server: tls)
      tlsStore = store
      tlsReloadTrigger = TLSReloadTrigger(
        store: store, signal: TLSReloadTrigger.hangUpSignal,
        pollInterval: configuration.tlsReloadPollInterval, onReload: Self.logReload)
    } else {
      tlsStore = nil
      tlsReloadTrigger = nil
    }
    group = MultiThreadedEventLoopGroup(
      numberOfThreads: max(1, configuration.eventLoopThreads ?? System.coreCount))
  }

  /// Binds and starts accepting connections; returns the bound host and port (useful
  /// with port 0).
  @discardableResult
  public func start() async throws -> (host: String, port: Int) {
    let configuration = self.configuration
    let router = self.router
    let routes = self.routes
    let tlsStore = self.tlsStore
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { [weak self] channel in
        self?.track(channel)
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            ProtocolSniffer(
              configuration: configuration, router: router, routes: routes, tls: tlsStore))
        }
      }
    let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port)
      .get()
    state.withLock { $0.listener = channel }
    tlsReloadTrigger?.start()
    let address = channel.localAddress
    return (address?.ipAddress ?? configuration.host, address?.port ?? configuration.port)
  }

  /// Starts (when not started yet) and returns once the server has shut down.
  public func run() async throws {
    let listener = state.withLock { $0.listener }
    if listener == nil { try await start() }
    guard let listener = state.withLock({ $0.listener }) else { return }
    try await listener.closeFuture.get()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let isShutDown = state.withLock { state in
        if !state.isShutDown { state.runWaiters.append(continuation) }
        return state.isShutDown
      }
      if isShutDown { continuation.resume() }
    }
  }

  /// Stops accepting connections, asks every connection to finish its calls (HTTP/2
  /// GOAWAY), waits up to `gracePeriod` for them, closes what is left and stops the
  /// event loops.
  public func shutdown(gracePeriod: Duration = .seconds(5)) async {
    let (listener, connections) = state.withLock { ($0.listener, Array($0.connections.values)) }
    try? await listener?.close()
    tlsReloadTrigger?.stop()
    for connection in connections {
      connection.pipeline.fireUserInboundEventTriggered(ServerShutdownEvent())
    }
    let deadline = ContinuousClock.now.advanced(by: gracePeriod)
    while ContinuousClock.now < deadline, state.withLock({ !$0.connections.isEmpty }) {
      try? await Task.sleep(for: .milliseconds(10))
    }
    let remaining = state.withLock { Array($0.connections.values) }
    for connection in remaining {
      try? await connection.close()
    }
    try? await group.shutdownGracefully()
    let waiters = state.withLock { state in
      state.isShutDown = true
      defer { state.runWaiters = [] }
      return state.runWaiters
    }
    for waiter in waiters { waiter.resume() }
  }

  private func track(_ channel: any Channel) {
    let id = ObjectIdentifier(channel)
    state.withLock { $0.connections[id] = channel }
    channel.closeFuture.whenComplete { [weak self] _ in
      self?.state.withLock { _ = $0.connections.removeValue(forKey: id) }
    }
  }
}
