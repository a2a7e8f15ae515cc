import Foundation

/// The MariaDB server and Kafka-protocol broker both sides write to: private ones started
/// with the repository's `scripts/stack` scripts under the work folder, or given by URL.
final class Stack: Sendable, CustomStringConvertible {
  /// `mariadb://user@host:port/db`.
  let databaseURL: String
  /// `host:port`.
  let kafkaBrokers: String
  /// The processes, when this stack started them (for CPU accounting).
  let databaseProcessID: Int32?
  let brokerProcessID: Int32?
  private let scripts: [(script: String, folder: String)]

  private init(
    databaseURL: String, kafkaBrokers: String, databaseProcessID: Int32?, brokerProcessID: Int32?,
    scripts: [(script: String, folder: String)]
  ) {
    self.databaseURL = databaseURL
    self.kafkaBrokers = kafkaBrokers
    self.databaseProcessID = databaseProcessID
    self.brokerProcessID = brokerProcessID
    self.scripts = scripts
  }

  /// Uses the given URLs, or starts a fresh MariaDB (`work/mariadb`) and tansu
  /// (`work/broker`) that stop when this process exits.
  static func start(repo: String, work: String, databaseURL: String?, kafkaBrokers: String?)
    async throws -> Stack
  {
    if let databaseURL, let kafkaBrokers {
      return Stack(
        databaseURL: databaseURL, kafkaBrokers: kafkaBrokers, databaseProcessID: nil,
        brokerProcessID: nil, scripts: [])
    }
    let mariadb = repo + "/scripts/stack/mariadb.sh"
    let broker = repo + "/scripts/stack/broker.sh"
    let mariadbFolder = work + "/mariadb"
    let brokerFolder = work + "/broker"
    // A fresh database each time: a table left by an earlier run would slow inserts down.
    try? FileManager.default.removeItem(atPath: mariadbFolder)
    let watch = String(ProcessInfo.processInfo.processIdentifier)
    Console.log("starting MariaDB in \(mariadbFolder)")
    let database = Shell.assignments(
      try await Shell.run(
        ["bash", mariadb, "start", mariadbFolder], environment: ["SLUICE_MARIADB_WATCH_PID": watch]))
    Console.log("starting tansu in \(brokerFolder)")
    let kafka = Shell.assignments(
      try await Shell.run(
        ["bash", broker, "start", brokerFolder], environment: ["SLUICE_KAFKA_WATCH_PID": watch]))
    guard let url = database["SLUICE_MARIADB_URL"], let bootstrap = kafka["SLUICE_KAFKA_BOOTSTRAP"] else {
      throw BenchError("the stack scripts printed no URL: \(database) \(kafka)")
    }
    return Stack(
      databaseURL: url, kafkaBrokers: bootstrap,
      databaseProcessID: database["SLUICE_MARIADB_PID"].flatMap { Int32($0) },
      brokerProcessID: kafka["SLUICE_KAFKA_PID"].flatMap { Int32($0) },
      scripts: [(mariadb, mariadbFolder), (broker, brokerFolder)])
  }

  /// Stops what ``start(repo:work:databaseURL:kafkaBrokers:)`` started.
  func stop() {
    for (script, folder) in scripts {
      _ = try? Shell.runBlocking(["bash", script, "stop", folder])
    }
  }

  var description: String {
    "MariaDB \(databaseURL)" + (databaseProcessID.map { " (pid \($0))" } ?? "")
      + ", broker \(kafkaBrokers)" + (brokerProcessID.map { " (pid \($0))" } ?? "")
  }
}
