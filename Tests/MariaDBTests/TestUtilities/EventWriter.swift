import Foundation
import SluiceMariaDB
import SluiceTestSupport

/// One test event: a key and a payload.
struct TestEvent: Sendable, Hashable {
  var stream: String
  var id: String
  var payload: [UInt8] = Array(repeating: 0x61, count: 16)
}

/// Writes jobs of events into `events` with one multi-row `INSERT IGNORE ... RETURNING`
/// per batch, reporting per event whether it was new. Optionally waits at a gate first.
struct EventWriter: BatchWriter {
  static let createTable = """
    CREATE TABLE IF NOT EXISTS events (
      stream VARBINARY(64) NOT NULL, id VARBINARY(64) NOT NULL, payload BLOB NOT NULL,
      received_at DATETIME(6) NOT NULL, PRIMARY KEY (stream, id)
    ) ENGINE=InnoDB
    """

  let insert = try! MultiRowInsert(
    table: "events", columns: ["stream", "id", "payload", "received_at"], keyColumns: ["stream", "id"])
  var gate: Gate?

  func weight(of job: [TestEvent]) -> Int { job.count }

  func write(_ jobs: [[TestEvent]], on connection: MariaDBConnection) throws -> [[Bool]] {
    gate?.pass()
    var parameters = MariaDBParameters(reservingCapacity: jobs.reduce(0) { $0 + $1.count } * 4)
    let now = MariaDBTimestamp(microsecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000))
    for job in jobs {
      for event in job {
        parameters.append(bytes: Array(event.stream.utf8))
        parameters.append(event.id.isEmpty ? nil : event.id)  // an empty id binds NULL: a bad row
        parameters.append(bytes: event.payload)
        parameters.append(now)
      }
    }
    var flags = try insert.insert(parameters, on: connection)[...]
    return jobs.map { job in
      defer { flags = flags.dropFirst(job.count) }
      return Array(flags.prefix(job.count))
    }
  }
}

/// Blocks writers until opened; counts the writers that arrived.
final class Gate: @unchecked Sendable {
  private let condition = NSCondition()
  private var isOpen = false
  private var arrivals = 0

  init(open: Bool = false) { isOpen = open }

  func pass() {
    condition.lock()
    arrivals += 1
    condition.broadcast()
    while !isOpen { condition.wait() }
    condition.unlock()
  }

  func open() {
    condition.lock()
    isOpen = true
    condition.broadcast()
    condition.unlock()
  }

  /// How many writers arrived.
  var arrived: Int {
    condition.lock()
    defer { condition.unlock() }
    return arrivals
  }
}

/// Records what a pool reports.
final class RecordingObserver: WriterPoolObserver, @unchecked Sendable {
  private let lock = NSLock()
  private var _batches: [Int] = []
  private var _sizes: [Int] = []
  private var _lost = 0
  private var _reconnects = 0

  var batches: [Int] { lock.withLock { _batches } }
  var sizes: [Int] { lock.withLock { _sizes } }
  var connectionsLost: Int { lock.withLock { _lost } }
  var reconnections: Int { lock.withLock { _reconnects } }

  func batchCommitted(jobs: Int, weight: Int, latency: Duration) { lock.withLock { _batches.append(jobs) } }
  func poolResized(from oldSize: Int, to newSize: Int) { lock.withLock { _sizes.append(newSize) } }
  func connectionLost(_ error: MariaDBError, endpoint: MariaDBEndpoint) { lock.withLock { _lost += 1 } }
  func connected(to endpoint: MariaDBEndpoint, isReconnection: Bool, failedAttempts: Int) {
    if isReconnection { lock.withLock { _reconnects += 1 } }
  }
}

/// Counts the rows of `events` in `database`.
func eventCount(_ database: MariaDBConfiguration) async throws -> Int64? {
  try await withConnection(database) { try $0.execute("SELECT COUNT(*) FROM events").rows.first?[0].int }
}
