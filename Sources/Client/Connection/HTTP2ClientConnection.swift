public import NIOCore
public import SluiceRuntime
public import SluiceTransport
internal import Synchronization

/// One HTTP/2 connection to a gRPC server (TCP or a Unix domain socket, plaintext or TLS
/// with ALPN `h2`) on one SwiftNIO event loop, and the calls on it.
///
/// A connection is single-use: ``connect()`` (or the first call) opens it, and once it
/// is ``State/closed(_:)`` it stays closed; the owner makes a new one. It reports what
/// happens to it through the `onEvent` handler (``Event``): ready with the server's
/// MAX_CONCURRENT_STREAMS, changes to that limit, GOAWAY (draining: open calls finish,
/// new ones are refused with `UNAVAILABLE`), each stream's end and the close with its
/// ``CloseReason``. That is all a pool needs to spread calls over connections.
///
/// It is also a ``ClientTransport``: generated clients can call through it directly.
///
/// ```swift
/// let connection = HTTP2ClientConnection(
///   target: .host("127.0.0.1", port: 50051), eventLoop: group.next())
/// try await connection.connect()
/// let client = Grpc_Testing_TestService.Client(transport: connection)
/// _ = try await client.emptyCall(Grpc_Testing_Empty())
/// connection.close()
/// ```
public final class HTTP2ClientConnection: ClientTransport, Sendable {
  /// How the connection is secured.
  public enum Security: Sendable {
    /// h2c: HTTP/2 over plain TCP with prior knowledge.
    case plaintext
    /// TLS from `context` (a client context), offering ALPN `h2`; the server certificate
    /// is checked against `serverName` (nil: the name the context was configured with).
    case tls(TLSContext, serverName: String?)
  }

  /// Where the connection goes.
  public let target: ConnectionTarget
  /// How it is secured.
  public let security: Security
  /// Its settings.
  public let configuration: Configuration
  /// The event loop its I/O and its events run on.
  public let eventLoop: any EventLoop

  let onEvent: @Sendable (Event) -> Void
  let requestHead: GRPCRequestHead
  let state = Mutex(ConnectionState())

  /// Creates an idle connection; nothing happens until ``connect()`` or the first call.
  /// - Parameter onEvent: Receives the connection's ``Event``s on `eventLoop`.
  public init(
    target: ConnectionTarget, security: Security = .plaintext,
    configuration: Configuration = Configuration(), eventLoop: any EventLoop,
    onEvent: @escaping @Sendable (Event) -> Void = { _ in }
  ) {
    self.target = target
    self.security = security
    self.configuration = configuration
    self.eventLoop = eventLoop
    self.onEvent = onEvent
    let scheme = if case .tls = security { "https" } else { "http" }
    let contentType =
      if case .json = configuration.codec { "application/grpc+json" } else { "application/grpc+proto" }
    requestHead = GRPCRequestHead(
      scheme: scheme, authority: configuration.authority ?? target.authority,
      contentType: contentType, userAgent: configuration.userAgent)
  }

  /// The encoding the connection's calls use (``Configuration/codec``).
  public var codec: MessageCodec { configuration.codec }

  /// Where the connection is in its life.
  public var connectionState: State {
    state.withLock { $0.phase }
  }

  /// The server's SETTINGS_MAX_CONCURRENT_STREAMS (`Int(UInt32.max)` until it says).
  public var maxConcurrentStreams: Int {
    state.withLock { $0.maxConcurrentStreams }
  }

  /// Calls whose streams are open.
  public var openStreams: Int {
    state.withLock { $0.openStreams }
  }

  /// Opens the connection (when idle) and waits until it is ready. Returns at once when
  /// ready or draining. Throws `UNAVAILABLE` naming the reason when connecting fails or
  /// the connection is closed, `.cancelled` when the calling task is cancelled (the
  /// attempt goes on for other waiters).
  public func connect() async throws(RPCError) {
    try await waitUntilReady(deadline: nil)
  }

  /// Graceful close: tells the server (GOAWAY) that no new calls come, lets open calls
  /// finish, then closes. New calls fail with `UNAVAILABLE` at once.
  public func close() {
    shutDown { $0.close() }
  }

  /// Closes at once: open calls fail with `UNAVAILABLE`.
  public func abort() {
    shutDown { $0.closeChannel(.closedByOwner) }
  }

  /// Runs `action` on the handler, or closes a connection that has none yet (idle, or
  /// still making its TCP connection: then the channel closes as soon as it exists).
  private func shutDown(_ action: @escaping @Sendable (ClientConnectionHandler) -> Void) {
    enum Next { case run(ConnectionLoop), closeNow, nothing }
    let next: Next = state.withLock { state in
      if let handler = state.handler { return .run(handler) }
      switch state.phase {
      case .idle: return .closeNow
      case .connecting:
        state.closeRequestedWhileConnecting = true
        return .nothing
      default: return .nothing
      }
    }
    switch next {
    case .run(let handler): handler.run(action)
    case .closeNow: finishClose(.closedByOwner)
    case .nothing: break
    }
  }

  /// Marks the connection closed, fails the waiters and reports the close once.
  func finishClose(_ reason: CloseReason) {
    let waiters: [UnsafeContinuation<Result<Void, RPCError>, Never>]? = state.withLock { state in
      if state.reportedClose { return nil }
      state.reportedClose = true
      state.phase = .closed(reason)
      state.handler = nil
      state.connectTimer?.cancel()
      state.connectTimer = nil
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    guard let waiters else { return }
    onEvent(.closed(reason))
    let error = Self.unavailable(target, reason)
    for waiter in waiters { waiter.resume(returning: .failure(error)) }
  }

  // MARK: Reports from the handler (on the loop)

  func handlerReady(maxConcurrentStreams: Int) {
    let waiters: [UnsafeContinuation<Result<Void, RPCError>, Never>] = state.withLock { state in
      if case .connecting = state.phase { state.phase = .ready }
      state.maxConcurrentStreams = maxConcurrentStreams
      state.connectTimer?.cancel()
      state.connectTimer = nil
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    onEvent(.ready(maxConcurrentStreams: maxConcurrentStreams))
    for waiter in waiters { waiter.resume(returning: .success(())) }
  }

  func handlerMaxConcurrentStreamsChanged(_ limit: Int) {
    state.withLock { $0.maxConcurrentStreams = limit }
    onEvent(.maxConcurrentStreamsChanged(limit))
  }

  func handlerGoingAway(lastStreamID: Int32, code: HTTP2ErrorCode) {
    let waiters: [UnsafeContinuation<Result<Void, RPCError>, Never>] = state.withLock { state in
      switch state.phase {
      case .ready, .connecting: state.phase = .draining
      default: break
      }
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    onEvent(.goingAway(lastStreamID: lastStreamID, code: code))
    let error = RPCError(code: .unavailable, message: "the server at \(target) is going away (GOAWAY \(code))")
    for waiter in waiters { waiter.resume(returning: .failure(error)) }
  }

  func handlerStreamClosed(openStreams: Int) {
    state.withLock { $0.openStreams = openStreams }
    onEvent(.streamClosed(openStreams: openStreams))
  }

  func handlerStreamOpened(openStreams: Int) {
    state.withLock { $0.openStreams = openStreams }
  }

  func handlerClosed(_ reason: CloseReason) {
    finishClose(reason)
  }

  // MARK: Errors

  /// The error calls on this connection fail with once it closed for `reason`:
  /// `UNAVAILABLE`, naming the target and the reason (what a pool reports when an
  /// attempt or a connection failed).
  public func error(for reason: CloseReason) -> RPCError {
    Self.unavailable(target, reason)
  }

  /// The error calls fail with when the connection is closed: `UNAVAILABLE`, naming the
  /// target and the reason.
  static func unavailable(_ target: some CustomStringConvertible, _ reason: CloseReason) -> RPCError {
    RPCError(code: .unavailable, message: "connection to \(target): \(reason)")
  }
}
