import Foundation
import Testing

/// Compares emitted text with golden files under `Tests/CodegenTests/Fixtures`, printing a
/// line diff on mismatch. With `SLUICE_BLESS=1` in the environment the golden file is
/// rewritten with the emitted text instead (and the comparison passes).
enum Golden {
  /// `Tests/CodegenTests/Fixtures`, found from this file's path.
  static let fixtures = URL(filePath: #filePath)
    .deletingLastPathComponent()  // TestUtilities
    .deletingLastPathComponent()  // Emitter
    .deletingLastPathComponent()  // CodegenTests
    .appending(path: "Fixtures")

  /// Whether goldens are being re-blessed.
  static var isBlessing: Bool { ProcessInfo.processInfo.environment["SLUICE_BLESS"] == "1" }

  /// Checks `actual` against the golden file at `path` (relative to the fixtures folder).
  static func check(_ actual: String, golden path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = fixtures.appending(path: path)
    if isBlessing {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
      } catch {
        Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = try? Data(contentsOf: url) else {
      Issue.record(
        "missing golden file \(path); run the tests with SLUICE_BLESS=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let message = "emitted text differs from \(path) (- golden, + emitted; SLUICE_BLESS=1 accepts it):\n"
      + LineDiff.render(expected: expected, actual: actual)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}

/// A minimal line diff (longest common subsequence) with three lines of context.
enum LineDiff {
  static func render(expected: String, actual: String, context: Int = 3) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // lcs[i][j]: length of the LCS of old[i...] and new[j...].
    var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var edits: [(kind: Character, text: String, line: Int)] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, j < new.count, old[i] == new[j] {
        edits.append((" ", old[i], i + 1))
        i += 1
        j += 1
      } else if i < old.count, j == new.count || lcs[i + 1][j] >= lcs[i][j + 1] {
        edits.append(("-", old[i], i + 1))
        i += 1
      } else {
        edits.append(("+", new[j], i + 1))
        j += 1
      }
    }
    let changed = edits.indices.filter { edits[$0].kind != " " }
    var shown = Set<Int>()
    for index in changed {
      for near in max(0, index - context)...min(edits.count - 1, index + context) { shown.insert(near) }
    }
    var output: [String] = []
    var previous = -2
    for index in shown.sorted() {
      if index != previous + 1 { output.append("@@ golden line \(edits[index].line) @@") }
      output.append("\(edits[index].kind) \(edits[index].text)")
      previous = index
    }
    return output.joined(separator: "\n")
  }
}
