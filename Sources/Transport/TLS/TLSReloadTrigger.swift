import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides when a `TLSContextStore` reloads: on a signal (SIGHUP by default) and when
/// one of its files changes, noticed by polling modification times.
///
/// Each reload's outcome goes to the `onReload` handler, so the server can log it: a
/// failed reload leaves the store's current context serving. Everything runs on one
/// private serial dispatch queue; the handler is called there.
///
/// Starting a trigger with a signal sets that signal's disposition to ignored (so it
/// no longer terminates the process) and receives it through a dispatch signal source.
public final class TLSReloadTrigger: Sendable {
  /// Why a reload happened.
  public enum Cause: Sendable, Hashable {
    /// The process received this signal.
    case signal(Int32)
    /// These watched files changed (appeared, disappeared, or were rewritten).
    case filesChanged([String])
  }

  /// One reload and its outcome.
  public struct Event: Sendable {
    /// Why it happened.
    public var cause: Cause
    /// The new context, or why the old one stays.
    public var result: Result<TLSContext, TLSError>
  }

  /// `SIGHUP`, the conventional "re-read your configuration" signal.
  public static let hangUpSignal: Int32 = SIGHUP

  /// The store reloaded.
  public let store: TLSContextStore
  private let signalNumber: Int32?
  private let pollInterval: Duration?
  private let onReload: @Sendable (Event) -> Void
  private let queue = DispatchQueue(label: "sluice.tls.reload")
  private let snapshots: Mutex<[FileSnapshot?]>
  private let sources = Mutex<[SourceBox]>([])

  /// Creates a stopped trigger; `start()` arms it.
  ///
  /// - Parameters:
  ///   - store: The store to reload.
  ///   - signal: The signal that reloads, or `nil` for none.
  ///   - pollInterval: How often the store's files are checked, or `nil` not to poll.
  ///   - onReload: Called on the trigger's queue after every reload, successful or not.
  public init(
    store: TLSContextStore,
    signal: Int32? = TLSReloadTrigger.hangUpSignal,
    pollInterval: Duration? = .seconds(5),
    onReload: @escaping @Sendable (Event) -> Void
  ) {
    self.store = store
    self.signalNumber = signal
    self.pollInterval = pollInterval
    self.onReload = onReload
    self.snapshots = Mutex(store.source.files.map(FileSnapshot.take))
  }

  deinit {
    for box in self.sources.withLock({ $0 }) { box.source.cancel() }
  }

  /// Arms the signal source and the polling timer; returns once a signal would be
  /// received. Calling it again does nothing. Keep the trigger alive while it should
  /// work: releasing it disarms it.
  public func start() {
    self.sources.withLock { sources in
      guard sources.isEmpty else { return }
      if let signalNumber {
        Self.ignoreUnlessHandled(signalNumber)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: self.queue)
        source.setEventHandler { [weak self] in
          guard let self else { return }
          self.snapshots.withLock { $0 = self.store.source.files.map(FileSnapshot.take) }
          self.onReload(Event(cause: .signal(signalNumber), result: Self.reload(self.store)))
        }
        // The source is installed asynchronously; wait for it so a signal sent right
        // after `start()` returns is not lost to SIG_IGN.
        let registered = DispatchSemaphore(value: 0)
        source.setRegistrationHandler { registered.signal() }
        source.resume()
        registered.wait()
        sources.append(SourceBox(source: source))
      }
      if let pollInterval {
        let nanoseconds = Self.nanoseconds(pollInterval)
        let timer = DispatchSource.makeTimerSource(queue: self.queue)
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in
          guard let self, let event = self.checkFiles() else { return }
          self.onReload(event)
        }
        timer.resume()
        sources.append(SourceBox(source: timer))
      }
    }
  }

  /// Sets the signal to ignored (so it no longer terminates the process) only while it
  /// still has its default disposition: another trigger's dispatch source may already be
  /// installed in its place, and replacing that would drop the signal for every trigger.
  private static func ignoreUnlessHandled(_ signalNumber: Int32) {
    var current = sigaction()
    guard sigaction(signalNumber, nil, &current) == 0 else { return }
    if current.__sigaction_handler.sa_handler == nil {  // SIG_DFL
      _ = signal(signalNumber, SIG_IGN)
    }
  }

  /// Disarms the signal source and the timer (the signal stays ignored).
  public func stop() {
    for box in self.sources.withLock({ sources in
      defer { sources = [] }
      return sources
    }) {
      box.source.cancel()
    }
  }

  /// Checks the store's files once and reloads if any changed since the last check.
  ///
  /// The polling timer calls this; it is public so a caller with its own schedule (or
  /// a test) can poll without waiting. A failed reload is not retried until the files
  /// change again.
  /// - Returns: The reload it did, or `nil` when nothing changed.
  public func checkFiles() -> Event? {
    let files = self.store.source.files
    let current = files.map(FileSnapshot.take)
    let changed: [String] = self.snapshots.withLock { previous in
      defer { previous = current }
      return zip(files, zip(previous, current)).compactMap { $1.0 == $1.1 ? nil : $0 }
    }
    guard !changed.isEmpty else { return nil }
    return Event(cause: .filesChanged(changed), result: Self.reload(self.store))
  }

  private static func reload(_ store: TLSContextStore) -> Result<TLSContext, TLSError> {
    Result { () throws(TLSError) in try store.reload() }
  }

  private static func nanoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return max(1_000_000, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
  }
}

/// A dispatch source held in a `Mutex`.
private struct SourceBox: @unchecked Sendable {
  let source: any DispatchSourceProtocol
}
