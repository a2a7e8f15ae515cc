import NIOCore
import NIOPosix
import Synchronization

/// A TCP listener on 127.0.0.1 that accepts connections and closes them at once, noting
/// when each came: every connection attempt to it fails, and is counted.
final class ClosingListener: Sendable {
  private let accepted = Mutex<[ContinuousClock.Instant]>([])
  private let channel: Mutex<(any Channel)?> = Mutex(nil)

  /// When each connection was accepted.
  var acceptTimes: [ContinuousClock.Instant] { accepted.withLock { $0 } }

  /// Starts listening; returns the port.
  func start() async throws -> Int {
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { [self] channel in
        accepted.withLock { $0.append(.now) }
        return channel.close()
      }
      .bind(host: "127.0.0.1", port: 0).get()
    channel.withLock { $0 = listener }
    return listener.localAddress?.port ?? 0
  }

  func stop() async {
    try? await channel.withLock { $0 }?.close()
  }
}
