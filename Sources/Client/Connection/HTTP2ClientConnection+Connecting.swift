internal import NIOCore
internal import NIOPosix
internal import SluiceRuntime
internal import SluiceTransport
internal import Synchronization

// Opening the connection: the TCP connection (happy eyeballs), TLS, the HTTP/2 preface,
// the server's first SETTINGS, all within the connect timeout; and the callers waiting
// for it.
extension HTTP2ClientConnection {
  /// The handler of a ready connection, connecting first when needed; fails when the
  /// connection is draining or closed, or `deadline` passes first.
  func readyLoop(deadline: NIODeadline?) async throws(RPCError) -> ConnectionLoop {
    while true {
      let step: Result<ConnectionLoop, RPCError>? = state.withLock { state in
        switch state.phase {
        case .ready:
          guard let handler = state.handler else { return .failure(Self.unavailable(target, .closedByOwner)) }
          return .success(handler)
        case .draining:
          return .failure(
            RPCError(code: .unavailable, message: "connection to \(target) is draining; it takes no new calls"))
        case .closed(let reason): return .failure(Self.unavailable(target, reason))
        case .idle, .connecting: return nil
        }
      }
      if let step { return try step.get() }
      try await waitUntilReady(deadline: deadline)
    }
  }

  /// Connects when idle and waits until the connection is ready (or draining), the
  /// connection closes, `deadline` passes or the task is cancelled.
  func waitUntilReady(deadline: NIODeadline?) async throws(RPCError) {
    let id = state.withLock { state in
      defer { state.nextWaiterID += 1 }
      return state.nextWaiterID
    }
    let result: Result<Void, RPCError> = await withTaskCancellationHandler {
      await withUnsafeContinuation { continuation in
        enum Next { case resume(Result<Void, RPCError>), wait, start }
        let next: Next = state.withLock { state in
          switch state.phase {
          case .ready, .draining: return .resume(.success(()))
          case .closed(let reason): return .resume(.failure(Self.unavailable(target, reason)))
          case .idle, .connecting:
            if Task.isCancelled { return .resume(.failure(StreamingClientCall.cancelledError)) }
            state.waiters[id] = continuation
            guard case .idle = state.phase else { return .wait }
            state.phase = .connecting
            return .start
          }
        }
        if case .resume(let result) = next {
          continuation.resume(returning: result)
          return
        }
        if let deadline {
          let timer = eventLoop.scheduleTask(deadline: deadline) {
            self.resumeWaiter(id, .failure(ClientConnectionHandler.deadlineError))
          }
          let waiting = state.withLock { state in
            guard state.waiters[id] != nil else { return false }
            state.waiterTimers[id] = timer
            return true
          }
          if !waiting { timer.cancel() }
        }
        if case .start = next { startConnecting() }
      }
    } onCancel: {
      resumeWaiter(id, .failure(StreamingClientCall.cancelledError))
    }
    state.withLock { $0.waiterTimers.removeValue(forKey: id)?.cancel() }
    try result.get()
  }

  private func resumeWaiter(_ id: Int, _ result: Result<Void, RPCError>) {
    let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
    waiter?.resume(returning: result)
  }

  /// Starts connecting when idle, without waiting: for an owner that follows the
  /// connection through its events (`ready`, or `closed` when the attempt fails).
  func beginConnecting() {
    let start = state.withLock { state -> Bool in
      guard case .idle = state.phase else { return false }
      state.phase = .connecting
      return true
    }
    if start { startConnecting() }
  }

  /// The handler of the connected channel, with its loop; nil before the TCP connection is
  /// made and after the close.
  var loopHandler: ConnectionLoop? {
    state.withLock { $0.handler }
  }

  private func startConnecting() {
    let configuration = self.configuration
    let requestHead = self.requestHead
    let security = self.security
    let description = target.description
    let bootstrap = ClientBootstrap(group: eventLoop)
      .connectTimeout(TimeAmount(configuration.connectTimeout))
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if case .tls(let context, let serverName) = security {
            let tls = try TLSConnection(context: context, serverName: serverName)
            try channel.pipeline.syncOperations.addHandler(TLSHandler(connection: tls))
          }
          try channel.pipeline.syncOperations.addHandler(
            ClientConnectionHandler(
              configuration: configuration, requestHead: requestHead, targetDescription: description))
        }
      }
    let timer = eventLoop.scheduleTask(in: TimeAmount(configuration.connectTimeout)) {
      self.connectTimedOut()
    }
    state.withLock { $0.connectTimer = timer }
    let connected: EventLoopFuture<any Channel>
    switch target {
    case .host(let host, let port):
      connected = bootstrap.connect(host: host, port: port)
    case .unixDomainSocket(let path):
      connected = bootstrap.connect(unixDomainSocketPath: path)
    }
    connected.whenComplete { result in
      switch result {
      case .success(let channel):
        do {
          self.attach(try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self))
        } catch {
          channel.close(promise: nil)
          self.finishClose(.connectFailed("the channel has no HTTP/2 handler"))
        }
      case .failure(let error):
        self.connectFailed(error)
      }
    }
  }

  /// The TCP connection is made (on the loop): the handler of the channel that won
  /// becomes the connection's. Handlers of channels that lost a happy-eyeballs race have
  /// no owner and report nothing. Catches up with what the handler saw already.
  private func attach(_ handler: ClientConnectionHandler) {
    let loop = ConnectionLoop(handler: NIOLoopBound(handler, eventLoop: eventLoop))
    let (closed, closeNow) = state.withLock { state -> (Bool, Bool) in
      if case .closed = state.phase { return (true, true) }
      state.handler = loop
      return (false, state.closeRequestedWhileConnecting)
    }
    if closed {
      // Given up already (connect timeout, closed by the owner): nobody listens.
      handler.closeChannel(.closedByOwner)
      return
    }
    handler.owner = self
    if closeNow {
      handler.closeChannel(.closedByOwner)
    } else if handler.phase == .closed {
      finishClose(handler.closeReason ?? .peerClosed)
    } else if handler.phase == .ready {
      handlerReady(maxConcurrentStreams: handler.peerMaxConcurrentStreams)
    }
  }

  /// The TCP connection could not be made; the channel never became active, so its
  /// handler reports nothing.
  private func connectFailed(_ error: any Error) {
    finishClose(.connectFailed(Self.describe(error)))
  }

  private func connectTimedOut() {
    let (connecting, handler) = state.withLock { state -> (Bool, ConnectionLoop?) in
      guard case .connecting = state.phase else { return (false, nil) }
      return (true, state.handler)
    }
    guard connecting else { return }
    let reason = CloseReason.connectTimeout(configuration.connectTimeout)
    if let handler {
      handler.run { $0.closeChannel(reason) }
    } else {
      finishClose(reason)
    }
  }

  /// A connect error in the system's words, without NIO's wrapping.
  static func describe(_ error: any Error) -> String {
    if let error = error as? NIOConnectionError {
      let attempts = error.connectionErrors.map { "\($0.target): \($0.error)" }
      if let dns = error.dnsAAAAError ?? error.dnsAError, attempts.isEmpty {
        return "cannot resolve \(error.host): \(dns)"
      }
      return attempts.isEmpty ? "\(error)" : attempts.joined(separator: "; ")
    }
    return "\(error)"
  }
}
