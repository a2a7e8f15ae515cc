internal import NIOCore
internal import SluiceRuntime

/// The I/O loop around a channel's ``ConnectionPoolState``: it feeds the pool events (call
/// requests, connection events, timers, name resolutions) and performs the actions it
/// returns (connect, start a call on a connection, fail a call, arm a timer, close a
/// connection, resolve the name).
///
/// Everything here runs on one event loop, which the channel's connections share, so a
/// connection's events reach the pool without a hop and a call started by the pool opens
/// its stream at once. That is also why the class may cross threads: callers only hand
/// work to the loop (``submitUnary(_:)``, ``cancel(_:)`` ...).
final class ChannelCore: @unchecked Sendable {
  typealias Pool = ConnectionPoolState

  /// A connection the pool asked for.
  struct PoolConnection {
    let connection: HTTP2ClientConnection
    /// The handler calls start on; set when the connection is ready.
    var handler: ConnectionLoop?
  }

  let loop: any EventLoop
  let target: ClientTarget
  let security: ChannelSecurity
  let connectionConfiguration: HTTP2ClientConnection.Configuration

  var pool: Pool
  /// The actions of the event being handled (reused between events).
  var actions: [Pool.Action] = []
  /// Events raised while another was being handled; handled next, in order.
  var pendingEvents: [Pool.Event] = []
  var isHandling = false
  var connections: [Pool.ConnectionID: PoolConnection] = [:]
  /// Calls the pool queued.
  var waiting: [Pool.CallID: PendingCall] = [:]
  /// The call whose request is being handled, so a call the pool dispatches at once never
  /// goes through ``waiting``.
  var submitting: (id: Pool.CallID, call: PendingCall)?
  var timers: [Pool.TimerToken: Scheduled<Void>] = [:]
  var isShutDown = false

  init(
    target: ClientTarget, pool: Pool.Configuration, security: ChannelSecurity,
    connection: HTTP2ClientConnection.Configuration, loop: any EventLoop
  ) {
    self.target = target
    self.pool = Pool(configuration: pool)
    self.security = security
    connectionConfiguration = connection
    self.loop = loop
  }

  /// Runs `body` on the loop: at once when already there.
  func onLoop(_ body: @escaping @Sendable (ChannelCore) -> Void) {
    if loop.inEventLoop {
      body(self)
    } else {
      loop.execute { body(self) }
    }
  }

  /// Starts closing (from any thread): queued calls fail, connections drain and close.
  func shutDown() {
    onLoop { $0.handle(.shutDown) }
  }

  /// The pool's connectivity state, read on the loop.
  func connectivity() async -> Pool.Connectivity {
    await withUnsafeContinuation { continuation in
      onLoop { continuation.resume(returning: $0.pool.connectivity) }
    }
  }

  // MARK: Events

  /// Handles `event` now, or after the event being handled (events raised while actions
  /// run wait their turn, so the pool sees them in order and the actions array is never
  /// reused while it is read).
  func handle(_ event: Pool.Event) {
    if isHandling {
      pendingEvents.append(event)
      return
    }
    isHandling = true
    var next: Pool.Event? = event
    while let event = next {
      actions.removeAll(keepingCapacity: true)
      pool.handle(event, now: .now, into: &actions)
      var index = 0
      while index < actions.count {
        perform(actions[index])
        index += 1
      }
      next = pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }
    isHandling = false
  }

  /// What a connection reports, turned into the pool's events.
  func connectionEvent(_ id: Pool.ConnectionID, _ event: HTTP2ClientConnection.Event) {
    switch event {
    case .ready(let maxConcurrentStreams):
      guard let connection = connections[id]?.connection else { return }
      connections[id]?.handler = connection.loopHandler
      handle(.connectionReady(id, maxConcurrentStreams: maxConcurrentStreams))
    case .maxConcurrentStreamsChanged(let limit):
      handle(.maxConcurrentStreamsChanged(id, limit))
    case .goingAway:
      handle(.goAway(id))
    case .streamClosed:
      handle(.streamClosed(id))
    case .closed(let reason):
      guard let record = connections.removeValue(forKey: id) else { return }
      let error = record.connection.error(for: reason)
      if record.handler == nil {
        handle(.connectFailed(id, error))
      } else {
        handle(.connectionClosed(id, Self.isClean(reason) ? nil : error))
      }
    }
  }

  /// Closes that are no failure: asked for, or a GOAWAY without error.
  private static func isClean(_ reason: HTTP2ClientConnection.CloseReason) -> Bool {
    switch reason {
    case .closedByOwner: true
    case .goAway(let code, _): code == .noError
    default: false
    }
  }

  // MARK: Actions

  private func perform(_ action: Pool.Action) {
    switch action {
    case .dispatchCall(let call, let connection):
      dispatch(call, to: connection)
    case .queueCall(let id):
      if let submitting, submitting.id == id {
        waiting[id] = submitting.call
        submitting.call.placement = .queued(id)
      }
    case .failCall(let id, let error):
      take(id)?.fail(error)
    case .connect(let address, let id):
      connect(to: address, as: id)
    case .scheduleTimer(let token, let instant):
      timers[token]?.cancel()
      let delay = ContinuousClock.now.duration(to: instant)
      timers[token] = loop.scheduleTask(in: TimeAmount(max(delay, .zero))) { [self] in
        timers.removeValue(forKey: token)
        handle(.timerFired(token))
      }
    case .cancelTimer(let token):
      timers.removeValue(forKey: token)?.cancel()
    case .closeConnection(let id):
      connections[id]?.connection.close()
    case .resolveAddresses:
      resolve()
    case .shutDownComplete:
      isShutDown = true
      for timer in timers.values { timer.cancel() }
      timers.removeAll()
    }
  }

  private func connect(to address: Address, as id: Pool.ConnectionID) {
    let connection = HTTP2ClientConnection(
      target: address.connectionTarget, security: security.forConnection(to: address, of: target),
      configuration: connectionConfiguration, eventLoop: loop
    ) { [self] event in
      connectionEvent(id, event)
    }
    connections[id] = PoolConnection(connection: connection)
    connection.beginConnecting()
  }

  private func resolve() {
    switch target {
    case .addresses(let addresses):
      handle(.addressesResolved(addresses))
    case .dns(let host, let port):
      Task { [self] in
        let event: Pool.Event
        do {
          event = .addressesResolved(try await AddressResolver().resolve(host: host, port: port))
        } catch {
          event = .resolutionFailed(RPCError(code: .unavailable, message: "\(error)"))
        }
        onLoop { $0.handle(event) }
      }
    }
  }
}
