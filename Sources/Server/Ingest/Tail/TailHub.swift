public import SluiceRuntime
import Synchronization

/// The one poller of a server process that tells every tail how far it may read.
///
/// It asks the store what is visible every ``pollInterval`` and settles those
/// observations through a ``TailHorizon``; tails wait in ``waitForSettled(beyond:)``
/// and read their own stream's range when it returns. Each tail keeps its own position,
/// so a slow client slows only its own tail. Tails never end by themselves: ``stop()``
/// ends them all when the server shuts down.
public final class TailHub: Sendable {
  /// How often the store is asked.
  public let pollInterval: Duration
  private let reader: any EventReader
  private let state: Mutex<State>

  private struct State {
    var horizon: TailHorizon
    var highestVisible: Int64?
    var waiters: [UInt64: Waiter] = [:]
    var nextWaiter: UInt64 = 0
    var isStopped = false
  }

  private enum Registration {
    case ready(Int64)
    case cancelled
    case stopped
    case waiting
  }

  /// What tails fail with once the hub stopped.
  static let stoppedError = RPCError(code: .unavailable, message: "the server is stopping")

  private struct Waiter {
    var beyond: Int64
    var continuation: CheckedContinuation<Int64, any Error>
  }

  /// A hub polling `reader` every `pollInterval`.
  public init(reader: any EventReader, pollInterval: Duration = .milliseconds(100)) {
    self.reader = reader
    self.pollInterval = pollInterval
    state = Mutex(State(horizon: TailHorizon()))
  }

  /// Polls until the calling task is cancelled or the hub is stopped, then stops it. A
  /// failed poll is retried on the next tick; tails keep waiting meanwhile.
  public func run() async {
    while !Task.isCancelled && !state.withLock({ $0.isStopped }) {
      if let visibility = try? await reader.visibility() {
        record(visibility)
      }
      try? await Task.sleep(for: pollInterval)
    }
    stop()
  }

  /// Ends every tail: those waiting now and those that would wait later fail with
  /// `.unavailable` ("the server is stopping"), so a shutdown need not wait for tails,
  /// which never finish by themselves.
  public func stop() {
    let waiters = state.withLock { state in
      state.isStopped = true
      defer { state.waiters = [:] }
      return Array(state.waiters.values)
    }
    for waiter in waiters {
      waiter.continuation.resume(throwing: Self.stoppedError)
    }
  }

  /// Feeds one poll (the poller's step; public for tests that drive the hub).
  public func record(_ visibility: StoreVisibility) {
    let ready: [Waiter] = state.withLock { state in
      state.highestVisible = max(state.highestVisible ?? 0, visibility.highestSequence)
      let settled = state.horizon.observe(visibility)
      var ready: [Waiter] = []
      for (id, waiter) in state.waiters where waiter.beyond < settled {
        ready.append(waiter)
        state.waiters[id] = nil
      }
      return ready.map { Waiter(beyond: settled, continuation: $0.continuation) }
    }
    for waiter in ready {
      waiter.continuation.resume(returning: waiter.beyond)
    }
  }

  /// Tails waiting now (for tests).
  var waiterCount: Int { state.withLock { $0.waiters.count } }

  /// The highest sequence seen visible, asking the store when the poller has not yet.
  public func highestVisible() async throws(RPCError) -> Int64 {
    if let known = state.withLock({ $0.highestVisible }) {
      return known
    }
    return try await reader.visibility().highestSequence
  }

  /// Waits until the settled sequence exceeds `sequence` and returns it. Throws
  /// `.cancelled` when the calling task is cancelled, `.unavailable` once the hub stopped.
  public func waitForSettled(beyond sequence: Int64) async throws(RPCError) -> Int64 {
    let id = state.withLock { state in
      defer { state.nextWaiter += 1 }
      return state.nextWaiter
    }
    do {
      return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
          let registration: Registration = state.withLock { state in
            let settled = state.horizon.settledSequence
            if settled > sequence && state.highestVisible != nil { return .ready(settled) }
            if state.isStopped { return .stopped }
            if Task.isCancelled { return .cancelled }
            state.waiters[id] = Waiter(beyond: sequence, continuation: continuation)
            return .waiting
          }
          switch registration {
          case .ready(let settled): continuation.resume(returning: settled)
          case .cancelled: continuation.resume(throwing: CancellationError())
          case .stopped: continuation.resume(throwing: Self.stoppedError)
          case .waiting: break
          }
        }
      } onCancel: {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.continuation.resume(throwing: CancellationError())
      }
    } catch {
      throw RPCError(error)
    }
  }
}
