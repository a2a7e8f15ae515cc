import Foundation

/// Paths the tests use: scripts and fixtures of the repository (found from this file), the
/// `sluice` executable built next to the test bundle, and fresh scratch folders.
public enum RepositoryPaths {
  /// The repository folder.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  /// `scripts/stack/mariadb.sh`, which runs a private MariaDB server.
  public static let mariadbScript = root + "/scripts/stack/mariadb.sh"
  /// `scripts/stack/broker.sh`, which runs a private tansu broker.
  public static let brokerScript = root + "/scripts/stack/broker.sh"
  /// The Kafka tests' consumer (confluent-kafka), which prints one JSON record a line.
  public static let consumeFixture = root + "/Tests/KafkaTests/Fixtures/consume.py"
  /// `sluice`, built into the same folder as the running test bundle.
  public static let sluiceExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("sluice").path

  /// A new empty temporary folder whose name starts with `label`.
  public static func scratchFolder(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(12))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
