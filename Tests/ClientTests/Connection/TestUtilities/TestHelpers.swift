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

/// A TCP port on 127.0.0.1 that refuses connections for as long as this is alive: a
/// socket bound to it and never listening. Holding the port keeps other tests' servers
/// (and the kernel's choice of ephemeral ports) off it, which a port closed again would
/// not.
final class RefusingPort: Sendable {
  let port: Int
  private let descriptor: Int32

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
      }
    }
    guard bound else {
      let error = POSIXError(.init(rawValue: errno) ?? .EIO)
      close(descriptor)
      throw error
    }
    self.descriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(descriptor) }
}
