import Foundation
import Testing

@testable import SluiceCodegen

/// DescriptorEncoder against protoc: the corpus in `Fixtures/FrontendInputs/corpus`
/// compiled by protoc 3.21.12 into `descriptor_set.pb` (regenerate with
/// `Tests/CodegenTests/Fixtures/FrontendInputs/regenerate.sh`) must equal, file by
/// file and byte for byte, what SchemaCompiler + DescriptorEncoder produce.
@Suite struct DescriptorContractTests {
  @Test func encoderMatchesProtocByteForByte() throws {
    let corpus = FrontendFixtures.frontendInputs + "/corpus"
    let paths = FrontendFixtures.protoFiles(under: corpus).map { corpus + "/" + $0 }
    let set = try SchemaCompiler(importPaths: [corpus]).compile(files: paths)
    let reference = try Data(contentsOf: URL(fileURLWithPath: FrontendFixtures.frontendInputs + "/descriptor_set.pb"))
    let expectedFiles = WireDump.repeatedBytes(1, in: [UInt8](reference))
    #expect(expectedFiles.count == set.files.count)
    for expected in expectedFiles {
      let name = WireDump.repeatedBytes(1, in: expected).first.map { String(decoding: $0, as: UTF8.self) } ?? "?"
      guard let file = set.file(named: name) else {
        Issue.record("\(name): not in the compiled set")
        continue
      }
      let actual = DescriptorEncoder.fileDescriptorProto(file, in: set)
      if actual != expected {
        Issue.record("\(name): \(WireDump.firstDifference(expected: expected, actual: actual))")
      }
    }
  }

  @Test func requestedFilesAreImportNames() throws {
    let corpus = FrontendFixtures.frontendInputs + "/corpus"
    let set = try SchemaCompiler(importPaths: [corpus]).compile(files: [corpus + "/sluice/test/v1/maps.proto"])
    #expect(set.requestedFiles == ["sluice/test/v1/maps.proto"])
    #expect(set.files.map(\.name) == ["sluice/test/v1/enums.proto", "sluice/test/v1/maps.proto"])
  }
}
