internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Keepalive PINGs, the idle timeout and the policing of client PINGs: the connection
// arms the timers ``ConnectionManagementStateMachine`` asks for and acts on its verdicts.
extension HTTP2ConnectionHandler {
  static func managementConfiguration(_ configuration: ServerConfiguration)
    -> ConnectionManagementStateMachine.Configuration
  {
    let policy = configuration.clientKeepalivePolicy
    return ConnectionManagementStateMachine.Configuration(
      idleTimeout: configuration.idleTimeout.map(timeAmount),
      keepaliveInterval: configuration.keepalive.map { timeAmount($0.interval) },
      keepaliveTimeout: timeAmount(configuration.keepalive?.timeout ?? .zero),
      minPingInterval: timeAmount(policy.minPingInterval),
      permitPingsWithoutCalls: policy.permitWithoutCalls, maxPingStrikes: policy.maxPingStrikes)
  }

  func startManagementTimers() {
    let (idle, keepalive) = management.start(now: .now())
    if let idle { armIdleTimer(at: idle) }
    if let keepalive { armKeepaliveTimer(at: keepalive) }
  }

  func armIdleTimer(at deadline: NIODeadline) {
    let connection = loopBound
    idleTimer = executor.loop.scheduleTask(deadline: deadline) {
      connection.value.idleTimerFired()
    }
  }

  func armKeepaliveTimer(at deadline: NIODeadline) {
    let connection = loopBound
    keepaliveTimer = executor.loop.scheduleTask(deadline: deadline) {
      connection.value.keepaliveTimerFired()
    }
  }

  private func idleTimerFired() {
    idleTimer = nil
    guard !isClosed else { return }
    switch management.idleTimerFired(now: .now()) {
    case .none:
      return
    case .rearm(let deadline):
      armIdleTimer(at: deadline)
    case .shutDown:
      beginGracefulShutdown()
    }
  }

  private func keepaliveTimerFired() {
    keepaliveTimer = nil
    guard !isClosed else { return }
    switch management.keepaliveTimerFired(now: .now()) {
    case .none:
      return
    case .rearm(let deadline):
      armKeepaliveTimer(at: deadline)
    case .sendPing(let timeoutAt):
      guard (try? engine.submitPing(payload: Self.keepalivePingPayload)) != nil else { return }
      armKeepaliveTimer(at: timeoutAt)
      flushOutput()
    case .close:
      closeConnection(code: .noError, debugData: "ping_timeout")
    }
  }

  /// A PING arrived: the answer to ours (shutdown, keepalive) or the client's own, which
  /// nghttp2 acknowledged already and which must respect the keepalive policy.
  func receivePing(ack: Bool, payload: UInt64) {
    if ack {
      if payload == Self.shutdownPingPayload {
        sendFinalGoAway()
      } else if payload == Self.keepalivePingPayload {
        management.keepalivePingAcknowledged()
      }
      return
    }
    if management.pingReceived(now: .now(), framesSent: engine.headersOrDataFramesSent) {
      closeConnection(code: .enhanceYourCalm, debugData: "too_many_pings")
    }
  }

  /// A stream with a call opened.
  func managedStreamOpened() {
    management.streamOpened()
  }

  /// A stream with a call closed: the connection may now be idle.
  func managedStreamClosed() {
    if let deadline = management.streamClosed(now: .now()) {
      armIdleTimer(at: deadline)
    }
  }

  /// Ends the connection at once: GOAWAY with `code` and `debugData`, then close. Calls
  /// still open are cut off (their handlers cancelled when the channel closes).
  func closeConnection(code: HTTP2ErrorCode, debugData: String) {
    guard !isClosed else { return }
    do {
      try engine.submitGoAway(code: code, debugData: Array(debugData.utf8))
    } catch {
      channelContext?.close(promise: nil)
      return
    }
    flushAndClose()
  }
}
