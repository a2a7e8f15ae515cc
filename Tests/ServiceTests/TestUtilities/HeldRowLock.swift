import Foundation
import SluiceMariaDB

/// A transaction of its own that has inserted (stream, id) into `sluice_events` and stays
/// open until ``finish(commit:)``: a writer inserting the same key waits on its lock, in
/// the middle of its own transaction.
final class HeldRowLock: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  private let ended = DispatchSemaphore(value: 0)
  private let commit = Locked(false)

  private init() {}

  /// Inserts the row in an open transaction; returns once it is inserted.
  static func acquire(_ database: MariaDBConfiguration, stream: String, id: String) async throws -> HeldRowLock {
    let lock = HeldRowLock()
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      Thread.detachNewThread {
        defer { lock.ended.signal() }
        let connection: MariaDBConnection
        do {
          connection = try MariaDBConnection.connect(database)
          try connection.begin()
          var parameters = MariaDBParameters()
          parameters.append(stream)
          parameters.append(bytes: id.utf8)
          _ = try connection.execute(
            "INSERT INTO sluice_events (stream, event_id, event_type, subject, time_us, ingest_us, payload)"
              + " VALUES (?, ?, 't', '', 0, 0, '')", parameters)
        } catch {
          continuation.resume(throwing: error)
          return
        }
        continuation.resume()
        lock.finished.wait()
        if lock.commit.value { try? connection.commit() } else { try? connection.rollback() }
        connection.close()
      }
    }
    return lock
  }

  /// Commits or rolls back, and waits until the connection closed.
  func finish(commit: Bool) async {
    self.commit.update { $0 = commit }
    finished.signal()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      Thread.detachNewThread {
        self.ended.wait()
        continuation.resume()
      }
    }
  }
}
