import SluiceRuntime

/// Name resolution, timers and shutdown.
extension ConnectionPoolState {
  mutating func addressesResolved(
    _ resolved: [Address], now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    resolutionInFlight = false
    resolution = .resolved
    resolutionBackoff.reset()
    guard !isShuttingDown else { return }

    var unique: [Address] = []
    for address in resolved where !unique.contains(address) { unique.append(address) }
    let previous = addresses
    addresses = unique.map { address in
      previous.first { $0.address == address }
        ?? PoolAddress(address: address, backoff: configuration.backoff.makeIterator())
    }
    // Connections to addresses no longer listed finish their calls and close.
    for gone in previous where !unique.contains(gone.address) {
      for id in gone.connectionIDs {
        guard let connection = connections[id] else { continue }
        if connection.isConnecting {
          actions.append(.cancelTimer(.connectTimeout(id)))
          close(id, actions: &actions)
        } else if connection.inUse == 0 {
          close(id, actions: &actions)
        } else {
          updateConnection(id) { $0.state = .draining }
        }
      }
    }
    pickCursor = addresses.isEmpty ? 0 : pickCursor % addresses.count
    connectCursor = addresses.isEmpty ? 0 : connectCursor % addresses.count
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  mutating func resolutionFailed(
    _ error: RPCError, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    resolutionInFlight = false
    // With addresses from an earlier resolution, keep using them.
    guard addresses.isEmpty, !isShuttingDown else { return }
    resolution = .failed(error)
    let delay = resolutionBackoff.next(using: &random)
    actions.append(.scheduleTimer(.resolutionRetry, at: now + delay))
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  mutating func resolutionRetryDue(actions: inout [Action]) {
    guard addresses.isEmpty, !isShuttingDown, case .failed = resolution else { return }
    if !queue.isEmpty || streamsInUse > 0 {
      requestResolution(actions: &actions)
    } else {
      // Nobody is waiting: resolve again when the next call comes.
      resolution = .unresolved
    }
  }

  mutating func requestResolution(actions: inout [Action]) {
    guard !resolutionInFlight, !isShuttingDown else { return }
    resolutionInFlight = true
    actions.append(.resolveAddresses)
  }

  mutating func timerFired(
    _ token: TimerToken, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    switch token {
    case .connectTimeout(let id):
      connectTimedOut(id, now: now, actions: &actions)
    case .idleTimeout(let id):
      idleTimerFired(id, now: now, actions: &actions)
    case .backoffEnded(let address):
      backoffEnded(address, now: now, actions: &actions)
    case .callDeadline(let call):
      callDeadlinePassed(call, actions: &actions)
    case .resolutionRetry:
      resolutionRetryDue(actions: &actions)
    }
  }

  mutating func shutDown(actions: inout [Action]) {
    guard !isShuttingDown else { return }
    isShuttingDown = true
    let error = RPCError(code: .unavailable, message: "the channel is shut down")
    for entry in queue.removeAll(where: { _ in true }) {
      if entry.deadline != nil { actions.append(.cancelTimer(.callDeadline(entry.id))) }
      actions.append(.failCall(entry.id, error))
    }
    for id in connections.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      guard let connection = connections[id] else { continue }
      switch connection.state {
      case .connecting:
        actions.append(.cancelTimer(.connectTimeout(id)))
        close(id, actions: &actions)
      case .ready:
        if connection.inUse == 0 { close(id, actions: &actions) } else { drain(id) }
      case .draining, .closing:
        continue
      }
    }
    if connections.isEmpty {
      reportedShutDown = true
      actions.append(.shutDownComplete)
    }
  }
}
