import SluiceMariaDB
import SluiceTestSupport

/// Reads `sluice_events` directly, bypassing the service: what is really stored.
enum EventTable {
  /// How many rows each event id of `stream` has.
  static func rowsPerID(_ database: MariaDBConfiguration, stream: String) async throws -> [String: Int] {
    try await withConnection(database) { connection in
      var parameters = MariaDBParameters()
      parameters.append(stream)
      let result = try connection.execute(
        "SELECT event_id, COUNT(*) FROM sluice_events WHERE stream = ? GROUP BY event_id", parameters)
      var counts: [String: Int] = [:]
      for row in result.rows {
        counts[String(decoding: row[0].bytes ?? [], as: UTF8.self)] = Int(row[1].int ?? 0)
      }
      return counts
    }
  }

  /// Every row of the table.
  static func rowCount(_ database: MariaDBConfiguration) async throws -> Int {
    try await withConnection(database) { connection in
      Int(try connection.execute("SELECT COUNT(*) FROM sluice_events").rows.first?[0].int ?? -1)
    }
  }

  /// Runs `body` with an empty database on the shared test server (its configuration and
  /// URL) and drops the database afterwards, also when `body` throws.
  static func withFreshDatabase<Result>(
    _ body: (MariaDBConfiguration, String) async throws -> Result
  ) async throws -> Result {
    let configuration = try await TestDatabase.fresh("svc")
    do {
      let result = try await body(configuration, configuration.description)
      await TestDatabase.drop(configuration)
      return result
    } catch {
      await TestDatabase.drop(configuration)
      throw error
    }
  }
}
