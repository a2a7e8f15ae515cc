import SluiceRuntime

/// Connections: attempts, readiness, stream accounting, GOAWAY, closing and backoff.
extension ConnectionPoolState {
  /// Starts a connection to the address at `index` unless shutting down or it is backing
  /// off.
  mutating func startConnectionIfAllowed(
    at index: Int, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard !isShuttingDown, addresses[index].backoffUntil == nil else { return }
    let id = ConnectionID(nextConnectionNumber)
    nextConnectionNumber += 1
    let backoff = addresses[index].backoff.next(using: &random)
    let address = addresses[index].address
    connections[id] = PoolConnection(
      address: address, state: .connecting(retryAt: now + backoff),
      maxStreams: configuration.defaultMaxConcurrentStreams)
    addresses[index].connectionIDs.append(id)
    actions.append(.connect(address, id))
    actions.append(
      .scheduleTimer(
        .connectTimeout(id), at: now + configuration.backoff.connectTimeout(forBackoff: backoff)))
  }

  mutating func connectionReady(
    _ id: ConnectionID, maxStreams: Int?, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id], connection.isConnecting else { return }
    let limit = streamLimit(maxStreams)
    updateConnection(id) { connection in
      connection.state = .ready
      connection.maxStreams = limit
    }
    actions.append(.cancelTimer(.connectTimeout(id)))
    if let index = addressIndex(connection.address) {
      addresses[index].backoff.reset()
      addresses[index].backoffUntil = nil
    }
    serviceQueue(now: now, actions: &actions)
    noteIfIdle(id, now: now, actions: &actions)
  }

  mutating func maxStreamsChanged(
    _ id: ConnectionID, maxStreams: Int?, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard connections[id] != nil else { return }
    let limit = streamLimit(maxStreams)
    updateConnection(id) { $0.maxStreams = limit }
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  mutating func streamClosed(
    _ id: ConnectionID, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id], connection.inUse > 0 else { return }
    updateConnection(id) { $0.inUse -= 1 }
    streamsInUse -= 1
    switch connection.state {
    case .draining:
      if connection.inUse == 1 { close(id, actions: &actions) }
    case .ready:
      if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
      noteIfIdle(id, now: now, actions: &actions)
    case .connecting, .closing:
      break
    }
  }

  mutating func goAway(_ id: ConnectionID, now: ContinuousClock.Instant, actions: inout [Action]) {
    guard let connection = connections[id] else { return }
    switch connection.state {
    case .connecting:
      actions.append(.cancelTimer(.connectTimeout(id)))
      close(id, actions: &actions)
    case .ready:
      if connection.inUse == 0 {
        close(id, actions: &actions)
      } else {
        drain(id)
      }
    case .draining, .closing:
      return
    }
    // The servers behind the name may have changed.
    requestResolution(actions: &actions)
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  mutating func connectFailed(
    _ id: ConnectionID, error: RPCError, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id] else { return }
    guard case .connecting(let retryAt) = connection.state else {
      connectionClosed(id, error: error, now: now, actions: &actions)
      return
    }
    remove(id, actions: &actions)
    actions.append(.cancelTimer(.connectTimeout(id)))
    attemptFailed(
      connection.address, error: error, retryAt: max(retryAt, now), now: now, actions: &actions)
  }

  mutating func connectTimedOut(
    _ id: ConnectionID, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id], case .connecting(let retryAt) = connection.state
    else { return }
    close(id, actions: &actions)
    let error = RPCError(
      code: .unavailable, message: "connecting to \(connection.address) timed out")
    attemptFailed(
      connection.address, error: error, retryAt: max(retryAt, now), now: now, actions: &actions)
  }

  mutating func connectionClosed(
    _ id: ConnectionID, error: RPCError?, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id] else { return }
    switch connection.state {
    case .connecting:
      let cause =
        error
        ?? RPCError(
          code: .unavailable,
          message: "the connection to \(connection.address) closed before it was ready")
      connectFailed(id, error: cause, now: now, actions: &actions)
      return
    case .ready, .draining:
      if let error {
        lastError = error
        requestResolution(actions: &actions)
      }
    case .closing:
      break
    }
    remove(id, actions: &actions)
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  mutating func idleTimerFired(
    _ id: ConnectionID, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let connection = connections[id], connection.state == .ready else { return }
    updateConnection(id) { $0.idleTimerAt = nil }
    guard connection.inUse == 0, let since = connection.idleSince,
      let timeout = configuration.idleTimeout
    else { return }
    let due = since + timeout
    if now >= due {
      close(id, actions: &actions)
    } else {
      updateConnection(id) { $0.idleTimerAt = due }
      actions.append(.scheduleTimer(.idleTimeout(id), at: due))
    }
  }

  mutating func backoffEnded(
    _ address: Address, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let index = addressIndex(address), let until = addresses[index].backoffUntil,
      now >= until
    else { return }
    addresses[index].backoffUntil = nil
    // Reconnect at once while the channel is in use; otherwise on demand.
    if !queue.isEmpty || streamsInUse > 0, addresses[index].connectionIDs.isEmpty {
      startConnectionIfAllowed(at: index, now: now, actions: &actions)
    }
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
  }

  /// After a failed attempt to `address`: it backs off until `retryAt`; calls that cannot
  /// wait fail if nothing else can connect.
  mutating func attemptFailed(
    _ address: Address, error: RPCError, retryAt: ContinuousClock.Instant,
    now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    lastError = error
    if let index = addressIndex(address) {
      addresses[index].backoffUntil = retryAt
      actions.append(.scheduleTimer(.backoffEnded(address), at: retryAt))
    }
    if !queue.isEmpty { serviceQueue(now: now, actions: &actions) }
    if isInTransientFailure { requestResolution(actions: &actions) }
  }

  /// Records that a ready connection has no stream in use and arms its idle timer.
  mutating func noteIfIdle(
    _ id: ConnectionID, now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    guard let timeout = configuration.idleTimeout, let connection = connections[id],
      connection.state == .ready, connection.inUse == 0
    else { return }
    updateConnection(id) { $0.idleSince = now }
    if connection.idleTimerAt == nil {
      updateConnection(id) { $0.idleTimerAt = now + timeout }
      actions.append(.scheduleTimer(.idleTimeout(id), at: now + timeout))
    }
  }

  /// Takes the connection out of its address's live list: it takes no new calls.
  mutating func drain(_ id: ConnectionID) {
    guard let connection = connections[id] else { return }
    updateConnection(id) { $0.state = .draining }
    unlist(id, from: connection.address)
  }

  /// Asks the I/O layer to close the connection and waits for its report.
  mutating func close(_ id: ConnectionID, actions: inout [Action]) {
    guard let connection = connections[id] else { return }
    updateConnection(id) { $0.state = .closing }
    unlist(id, from: connection.address)
    actions.append(.closeConnection(id))
  }

  /// Forgets a connection that is gone.
  mutating func remove(_ id: ConnectionID, actions: inout [Action]) {
    guard let connection = connections.removeValue(forKey: id) else { return }
    streamsInUse -= connection.inUse
    unlist(id, from: connection.address)
    if isShuttingDown, connections.isEmpty, !reportedShutDown {
      reportedShutDown = true
      actions.append(.shutDownComplete)
    }
  }

  mutating func unlist(_ id: ConnectionID, from address: Address) {
    guard let index = addressIndex(address) else { return }
    addresses[index].connectionIDs.removeAll { $0 == id }
  }

  func addressIndex(_ address: Address) -> Int? {
    addresses.firstIndex { $0.address == address }
  }

  /// Changes the record of connection `id`, if the pool has it. Through the dictionary's
  /// values view: its subscript's modify accessor allocates in unoptimized builds, which
  /// would blur the allocation counts of the call path.
  mutating func updateConnection(_ id: ConnectionID, _ body: (inout PoolConnection) -> Void) {
    guard let index = connections.index(forKey: id) else { return }
    body(&connections.values[index])
  }

  func streamLimit(_ announced: Int?) -> Int {
    announced.map { max(0, $0) } ?? configuration.defaultMaxConcurrentStreams
  }
}
