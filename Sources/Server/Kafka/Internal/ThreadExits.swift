internal import Synchronization

/// Counts threads down as they return, so `close` can await the poll thread without
/// blocking a cooperative thread in `pthread_join`.
final class ThreadExits: Sendable {
  private let state: Mutex<(remaining: Int, waiters: [CheckedContinuation<Void, Never>])>

  init(count: Int) {
    state = Mutex((remaining: count, waiters: []))
  }

  /// Called by each thread as its last action.
  func exited() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.remaining -= 1
      guard state.remaining == 0 else { return [] }
      defer { state.waiters.removeAll() }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Returns once every thread has exited.
  func wait() async {
    await withCheckedContinuation { continuation in
      let done = state.withLock { state in
        if state.remaining == 0 { return true }
        state.waiters.append(continuation)
        return false
      }
      if done { continuation.resume() }
    }
  }
}
