import SluiceRuntime

/// Calls: picking a connection, queueing, failing fast.
extension ConnectionPoolState {
  mutating func callRequested(
    _ call: CallID, waitForReady: Bool, deadline: ContinuousClock.Instant?,
    now: ContinuousClock.Instant, actions: inout [Action]
  ) {
    if isShuttingDown {
      actions.append(
        .failCall(call, RPCError(code: .unavailable, message: "the channel is shut down")))
      return
    }
    if let deadline, deadline <= now {
      actions.append(.failCall(call, Self.deadlineError))
      return
    }
    // Calls already waiting go first; when none wait, try for a stream at once.
    if queue.isEmpty, let id = pickConnection(now: now, actions: &actions) {
      dispatch(call, to: id, actions: &actions)
      return
    }
    if case .unresolved = resolution { requestResolution(actions: &actions) }
    if !waitForReady, isInTransientFailure {
      actions.append(.failCall(call, unavailableError))
      return
    }
    queue.append(CallQueue.Entry(id: call, waitForReady: waitForReady, deadline: deadline))
    actions.append(.queueCall(call))
    if let deadline { actions.append(.scheduleTimer(.callDeadline(call), at: deadline)) }
    openConnectionsForQueue(now: now, actions: &actions)
  }

  mutating func callCancelled(_ call: CallID, actions: inout [Action]) {
    guard let entry = queue.remove(call) else { return }
    if entry.deadline != nil { actions.append(.cancelTimer(.callDeadline(call))) }
  }

  mutating func callDeadlinePassed(_ call: CallID, actions: inout [Action]) {
    guard queue.remove(call) != nil else { return }
    actions.append(.failCall(call, Self.deadlineError))
  }

  /// Hands queued calls to connections with free streams, in queue order; then opens
  /// connections for the calls left, or fails the fail-fast ones when nothing can connect.
  mutating func serviceQueue(now: ContinuousClock.Instant, actions: inout [Action]) {
    while let entry = queue.first {
      guard let id = pickConnection(now: now, actions: &actions) else { break }
      _ = queue.removeFirst()
      if entry.deadline != nil { actions.append(.cancelTimer(.callDeadline(entry.id))) }
      dispatch(entry.id, to: id, actions: &actions)
    }
    guard !queue.isEmpty else { return }
    openConnectionsForQueue(now: now, actions: &actions)
    if isInTransientFailure {
      let error = unavailableError
      for entry in queue.removeAll(where: { !$0.waitForReady }) {
        if entry.deadline != nil { actions.append(.cancelTimer(.callDeadline(entry.id))) }
        actions.append(.failCall(entry.id, error))
      }
    }
  }

  /// The connection for the next call: the least loaded ready connection with a free
  /// stream at the first address, in round-robin order, that has one. Addresses passed
  /// over that have no connection and are not backing off start one.
  mutating func pickConnection(now: ContinuousClock.Instant, actions: inout [Action])
    -> ConnectionID?
  {
    let count = addresses.count
    for step in 0..<count {
      let index = (pickCursor + step) % count
      if let id = leastLoadedConnection(at: index) {
        pickCursor = (index + 1) % count
        return id
      }
      if addresses[index].connectionIDs.isEmpty {
        startConnectionIfAllowed(at: index, now: now, actions: &actions)
      }
    }
    return nil
  }

  func leastLoadedConnection(at index: Int) -> ConnectionID? {
    var best: ConnectionID?
    var bestLoad = Int.max
    let ids = addresses[index].connectionIDs
    // By index: a `for` loop's iterator allocates in unoptimized builds.
    var position = 0
    while position < ids.count {
      let id = ids[position]
      position += 1
      guard let connection = connections[id], connection.hasCapacity,
        connection.inUse < bestLoad
      else { continue }
      best = id
      bestLoad = connection.inUse
    }
    return best
  }

  mutating func dispatch(_ call: CallID, to id: ConnectionID, actions: inout [Action]) {
    updateConnection(id) { connection in
      connection.inUse += 1
      connection.idleSince = nil
    }
    streamsInUse += 1
    actions.append(.dispatchCall(call, to: id))
  }

  /// Opens connections until those being established could take every queued call
  /// (assuming the default stream limit each), round-robin over the addresses that are
  /// not backing off and have fewer than the allowed connections.
  mutating func openConnectionsForQueue(now: ContinuousClock.Instant, actions: inout [Action]) {
    let perConnection = configuration.defaultMaxConcurrentStreams
    let connecting = connections.values.reduce(0) { $0 + ($1.isConnecting ? 1 : 0) }
    var uncovered = queue.count - connecting * perConnection
    while uncovered > 0, let index = nextAddressAcceptingConnection() {
      startConnectionIfAllowed(at: index, now: now, actions: &actions)
      uncovered -= perConnection
    }
  }

  mutating func nextAddressAcceptingConnection() -> Int? {
    guard !isShuttingDown else { return nil }
    let count = addresses.count
    for step in 0..<count {
      let index = (connectCursor + step) % count
      let address = addresses[index]
      if address.backoffUntil == nil,
        address.connectionIDs.count < configuration.connectionsPerAddress
      {
        connectCursor = (index + 1) % count
        return index
      }
    }
    return nil
  }

  /// True when no connection is ready or being established and none can be started:
  /// every address is backing off, or the name resolved to nothing (or failed to).
  var isInTransientFailure: Bool {
    if connections.values.contains(where: { $0.state == .ready || $0.isConnecting }) {
      return false
    }
    if addresses.isEmpty {
      if case .unresolved = resolution { return false }
      return true
    }
    return addresses.allSatisfy { $0.backoffUntil != nil }
  }

  /// The error fail-fast calls get while in transient failure.
  var unavailableError: RPCError {
    if addresses.isEmpty {
      if case .failed(let error) = resolution {
        return RPCError(code: .unavailable, message: "name resolution failed: \(error.message)")
      }
      return RPCError(code: .unavailable, message: "the target resolved to no addresses")
    }
    var message = "no connection to the server is available"
    if let lastError { message += "; last connection error: \(lastError)" }
    return RPCError(code: .unavailable, message: message)
  }

  static let deadlineError = RPCError(
    code: .deadlineExceeded, message: "the deadline passed while waiting for a connection")
}
