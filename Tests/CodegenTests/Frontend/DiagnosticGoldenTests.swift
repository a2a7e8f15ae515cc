import Foundation
import Testing

@testable import SluiceCodegen

/// Error goldens: every `.proto` directly in `Fixtures/Diagnostics` is a schema with
/// one class of mistake; the `.errors` file next to it holds the exact diagnostics
/// the compiler must report, one `file:line:column: message` per line. Files in
/// `Fixtures/Diagnostics/support` are only imported by the cases.
///
/// Re-bless after an intended change of wording or positions, then review the diff:
///
///     SLUICE_BLESS=1 swift test --filter DiagnosticGoldenTests
@Suite struct DiagnosticGoldenTests {
  static let cases = FrontendFixtures.protoFiles(under: FrontendFixtures.diagnostics).filter { !$0.contains("/") }

  static let sources: [String: String] = {
    var sources: [String: String] = [:]
    for name in FrontendFixtures.protoFiles(under: FrontendFixtures.diagnostics) {
      sources[name] = try? FrontendFixtures.read(FrontendFixtures.diagnostics + "/" + name)
    }
    return sources
  }()

  @Test func thereIsACaseForEveryMistakeClass() {
    #expect(Self.cases.count >= 30)
  }

  @Test(arguments: cases)
  func diagnosticsMatchGolden(_ name: String) throws {
    let actual: String
    do {
      _ = try SchemaCompiler(importPaths: []).compile(files: [name], sources: Self.sources)
      Issue.record("\(name) compiled without errors")
      return
    } catch {
      actual = error.description + "\n"
    }
    let goldenPath = FrontendFixtures.diagnostics + "/" + name.replacingOccurrences(of: ".proto", with: ".errors")
    if ProcessInfo.processInfo.environment["SLUICE_BLESS"] == "1" {
      try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
      return
    }
    let expected = try FrontendFixtures.read(goldenPath)
    #expect(actual == expected, "\(name): diagnostics differ from \(goldenPath) (SLUICE_BLESS=1 rewrites it)")
  }
}
