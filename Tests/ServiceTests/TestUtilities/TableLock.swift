import Foundation
import SluiceMariaDB

/// Stalls the event store without touching the server process: a connection of its own
/// holds `LOCK TABLES sluice_events WRITE`, so every write and read of the table waits
/// until ``release()``.
final class TableLock: Sendable {
  private let released = DispatchSemaphore(value: 0)
  private let ended = DispatchSemaphore(value: 0)

  private init() {}

  /// Takes the lock; returns once it is held.
  static func acquire(_ database: MariaDBConfiguration) async throws -> TableLock {
    let lock = TableLock()
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      Thread.detachNewThread {
        defer { lock.ended.signal() }
        let connection: MariaDBConnection
        do {
          connection = try MariaDBConnection.connect(database)
          _ = try connection.executeUnprepared("LOCK TABLES sluice_events WRITE")
        } catch {
          continuation.resume(throwing: error)
          return
        }
        continuation.resume()
        lock.released.wait()
        _ = try? connection.executeUnprepared("UNLOCK TABLES")
        connection.close()
      }
    }
    return lock
  }

  /// Releases the lock and waits until its connection closed.
  func release() async {
    released.signal()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      Thread.detachNewThread {
        self.ended.wait()
        continuation.resume()
      }
    }
  }
}
