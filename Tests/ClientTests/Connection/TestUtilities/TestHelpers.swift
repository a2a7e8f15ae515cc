import Foundation
import NIOCore
import NIOPosix
import SluiceClient
import SluiceRuntime
import Synchronization

/// Collects a connection's events for a test to await.
final class EventRecorder: Sendable {
  private let events = Mutex<[HTTP2ClientConnection.Event]>([])

  /// The handler to give the connection.
  var handler: @Sendable (HTTP2ClientConnection.Event) -> Void {
    { event in self.events.withLock { $0.append(event) } }
  }

  var all: [HTTP2ClientConnection.Event] { events.withLock { $0 } }

  /// The first event `matching` accepts, waiting up to `timeout` for it.
  func first(
    within timeout: Duration = .seconds(10), where matching: (HTTP2ClientConnection.Event) -> Bool
  ) async -> HTTP2ClientConnection.Event? {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
      if let event = all.first(where: matching) { return event }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return nil
  }
}

/// Waits up to `timeout` for `condition`.
func eventually(within timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
  let deadline = ContinuousClock.now.advanced(by: timeout)
  while ContinuousClock.now < deadline {
    if condition() { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return condition()
}

/// The RPCError `body` throws; nil when it succeeds or throws anything else.
func rpcError(_ body: () async throws -> Void) async -> RPCError? {
  do {
    try await body()
  } catch let error as RPCError {
    return error
  } catch {
    return nil
  }
  return nil
}

/// A raw method for calls whose messages are plain bytes.
func rawMethod(_ kind: RPCKind = .unary, _ name: String = "Echo") -> MethodDescriptor {
  MethodDescriptor(
    service: "sluice.test.Scripted", method: name, kind: kind, inputType: "bytes", outputType: "bytes")
}

/// A TCP port nothing listens on (bound, then closed again).
func closedPort() async throws -> Int {
  let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .bind(host: "127.0.0.1", port: 0).get()
  let port = listener.localAddress?.port ?? 0
  try await listener.close()
  return port
}
