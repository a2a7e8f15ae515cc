import Foundation
import Testing

/// Compares emitter output with a fixture in `Tests/CodegenTests/Fixtures/ServiceEmitter`;
/// with `SLUICE_BLESS=1` in the environment it rewrites the fixture instead.
enum ServiceEmitterGolden {
  /// The fixtures folder, found from this file's path.
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ServiceEmitter")

  /// Checks `actual` against the fixture `name`, recording a readable difference.
  static func check(
    _ actual: String, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = fixtures.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SLUICE_BLESS"] == "1" {
      try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing fixture \(name); run with SLUICE_BLESS=1", sourceLocation: sourceLocation)
      return
    }
    if let difference = firstDifference(expected: expected, actual: actual) {
      Issue.record(
        "\(name) differs (SLUICE_BLESS=1 re-blesses):\n\(difference)",
        sourceLocation: sourceLocation)
    }
  }

  /// The first differing line with two lines of context, or nil when equal.
  static func firstDifference(expected: String, actual: String) -> String? {
    guard expected != actual else { return nil }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var line = 0
    while line < min(old.count, new.count), old[line] == new[line] { line += 1 }
    var text = ""
    for index in max(0, line - 2)..<line { text += "  \(index + 1)  \(old[index])\n" }
    if line < old.count { text += "- \(line + 1)  \(old[line])\n" }
    if line < new.count { text += "+ \(line + 1)  \(new[line])\n" }
    return text
  }
}
