public import SluiceGenerated
internal import Synchronization

/// The statuses a ``HealthService`` reports: a thread-safe registry the application
/// updates from any thread and `Check` and `Watch` calls read.
///
/// A new provider reports the server as a whole (the empty service name) as `SERVING`
/// and knows no other service until ``setStatus(_:forService:)`` names it: `Check`
/// answers NOT_FOUND for a service it does not know, `Watch` SERVICE_UNKNOWN.
///
/// ```swift
/// let health = HealthStatusProvider()
/// health.setStatus(.serving, forService: "sluice.v1.IngestService")
/// let services: [any RPCService] = [IngestService(), HealthService(provider: health)]
/// // when the server starts a graceful shutdown:
/// health.enterGracefulShutdown()
/// ```
public final class HealthStatusProvider: Sendable {
  private typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

  private struct State {
    var statuses: [String: HealthStatus] = ["": .serving]
    /// Open `Watch` calls by service name, each fed the newest status it has not taken.
    var watchers: [String: [UInt64: AsyncStream<ServingStatus>.Continuation]] = [:]
    var nextWatcherID: UInt64 = 0
    var isShuttingDown = false

    func servingStatus(of service: String) -> ServingStatus {
      statuses[service]?.servingStatus ?? .serviceUnknown
    }

    /// Tells every watcher of `service` its status, in the order the changes happen.
    func notifyWatchers(of service: String) {
      guard let continuations = watchers[service] else { return }
      let status = servingStatus(of: service)
      for continuation in continuations.values {
        continuation.yield(status)
      }
    }
  }

  private let state = Mutex(State())

  /// A provider reporting the server (the empty service name) as `SERVING`.
  public init() {}

  /// Sets the status of `service` (the empty name stands for the whole server) and tells
  /// every `Watch` call on it. Ignored after ``enterGracefulShutdown()``.
  public func setStatus(_ status: HealthStatus, forService service: String) {
    state.withLock { state in
      guard !state.isShuttingDown, state.statuses[service] != status else { return }
      state.statuses[service] = status
      state.notifyWatchers(of: service)
    }
  }

  /// Forgets `service`: `Check` answers NOT_FOUND for it again and `Watch` calls on it
  /// receive SERVICE_UNKNOWN. Ignored after ``enterGracefulShutdown()``.
  public func clearStatus(forService service: String) {
    state.withLock { state in
      guard !state.isShuttingDown, state.statuses.removeValue(forKey: service) != nil else {
        return
      }
      state.notifyWatchers(of: service)
    }
  }

  /// The status of `service`, or nil when the provider does not know it.
  public func status(forService service: String) -> HealthStatus? {
    state.withLock { $0.statuses[service] }
  }

  /// Marks every known service, and the server itself, `NOT_SERVING` for good, so load
  /// balancers and probes stop sending new calls while the server drains; later
  /// ``setStatus(_:forService:)`` and ``clearStatus(forService:)`` calls are ignored.
  /// Call it when the server begins its graceful shutdown. Open `Watch` calls receive
  /// the change and stay open until their callers or the server end them.
  public func enterGracefulShutdown() {
    state.withLock { state in
      guard !state.isShuttingDown else { return }
      state.isShuttingDown = true
      for (service, status) in state.statuses where status != .notServing {
        state.statuses[service] = .notServing
        state.notifyWatchers(of: service)
      }
    }
  }

  /// Whether ``enterGracefulShutdown()`` was called.
  public var isShuttingDown: Bool {
    state.withLock { $0.isShuttingDown }
  }

  /// Calls `send` with the current status of `service` (SERVICE_UNKNOWN when unknown),
  /// then with every different status it takes, until the calling task is cancelled
  /// (then it throws `CancellationError`) or `send` throws. A slow `send` skips
  /// intermediate statuses: it always gets the newest one next.
  func watch(
    service: String,
    send: (Grpc_Health_V1_HealthCheckResponse.ServingStatus) async throws -> Void
  ) async throws {
    let (updates, continuation) = AsyncStream.makeStream(
      of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
    let id = state.withLock { state in
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      state.watchers[service, default: [:]][id] = continuation
      continuation.yield(state.servingStatus(of: service))
      return id
    }
    defer { removeWatcher(id, of: service) }
    var lastSent: ServingStatus?
    for await status in updates where status != lastSent {
      try await send(status)
      lastSent = status
    }
    try Task.checkCancellation()
  }

  /// How many `Watch` calls are open.
  var watcherCount: Int {
    state.withLock { state in state.watchers.values.reduce(0) { $0 + $1.count } }
  }

  private func removeWatcher(_ id: UInt64, of service: String) {
    let continuation = state.withLock { state in
      let continuation = state.watchers[service]?.removeValue(forKey: id)
      if state.watchers[service]?.isEmpty == true {
        state.watchers[service] = nil
      }
      return continuation
    }
    continuation?.finish()
  }
}
