import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs an action once on the first SIGTERM or SIGINT (a second one exits at once).
final class SignalWatcher {
  private let sources: [any DispatchSourceSignal]

  init(onSignal action: @escaping @Sendable () async -> Void) {
    signal(SIGTERM, SIG_IGN)
    signal(SIGINT, SIG_IGN)
    let fired = Fired()
    sources = [SIGTERM, SIGINT].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        if fired.markFired() {
          Task { await action() }
        } else {
          exit(128 + number)
        }
      }
      source.resume()
      return source
    }
  }

  /// Stops watching.
  func cancel() {
    for source in sources { source.cancel() }
  }
}

/// Whether a signal arrived already.
private final class Fired: Sendable {
  private let value = Mutex(false)

  /// Marks the first signal; false for later ones.
  func markFired() -> Bool {
    value.withLock { fired in
      defer { fired = true }
      return !fired
    }
  }
}
