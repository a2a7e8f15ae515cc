// Whole-file reference tests: every schema under `Fixtures/Reference/Inputs` is compiled
// by the real frontend and generated; each output must equal the file of the same name
// under `Fixtures/Reference/Expected` (like swift-protobuf's `make reference`).
//
// Re-bless after an intended change of the generated code (here or in the service or
// descriptor encoders, whose output these files include):
//   SLUICE_BLESS=1 swift test --filter CodegenTests
// then review `git diff Tests/CodegenTests/Fixtures`.
import Foundation
import Testing
@testable import SluiceCodegen

@Suite("Reference files")
struct ReferenceTests {
  private static let inputs = Golden.fixtures.appending(path: "Reference/Inputs")

  /// Each input with the options it is generated with.
  static let cases: [(input: String, visibility: GeneratorOptions.Visibility)] = [
    ("sluice/reference/v1/event.proto", .public),
    ("sluice/reference/v1/ingest.proto", .public),
    ("recursion.proto", .public),
    ("naming.proto", .internal),
    ("prefixed.proto", .package),
  ]

  @Test(arguments: cases.map(\.input))
  func generatedFileMatchesReference(_ input: String) throws {
    let visibility = Self.cases.first { $0.input == input }?.visibility ?? .public
    let set = try SchemaCompiler(importPaths: [Self.inputs.path()]).compile(files: [input])
    let files = try SwiftGenerator(options: GeneratorOptions(visibility: visibility)).generate(set)
    try #require(files.count == 1)
    #expect(files[0].name == GeneratorOptions.FileNaming.fullPath.outputName(forSchemaFile: input))
    Golden.check(files[0].contents, golden: "Reference/Expected/" + files[0].name)
  }

  @Test func generationIsDeterministic() throws {
    let names = Self.cases.map(\.input)
    let first = try SchemaCompiler(importPaths: [Self.inputs.path()]).compile(files: names)
    let second = try SchemaCompiler(importPaths: [Self.inputs.path()]).compile(files: names.reversed())
    let generator = SwiftGenerator(options: GeneratorOptions(visibility: .public))
    let a = try generator.generate(first).sorted { $0.name < $1.name }
    let b = try generator.generate(second).sorted { $0.name < $1.name }
    #expect(a == b)
  }
}
