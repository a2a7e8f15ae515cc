import Foundation

/// Paths the service tests use: scripts and fixtures of the repository (found from this
/// file), and the `sluice` executable built next to the test bundle.
enum RepositoryPaths {
  /// The repository folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let mariadbScript = root + "/scripts/stack/mariadb.sh"
  static let brokerScript = root + "/scripts/stack/broker.sh"
  /// The Kafka tests' consumer (confluent-kafka), shared rather than copied.
  static let consumeFixture = root + "/Tests/KafkaTests/Fixtures/consume.py"
  /// `sluice`, built into the same folder as the running test bundle.
  static let sluiceExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("sluice").path

  /// A new empty temporary folder whose name starts with `label`.
  static func scratchFolder(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(12))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
