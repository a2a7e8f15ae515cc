import Foundation
import SluiceRuntime
import Testing

/// Sluice's generated codec against protobuf's reference implementation, both ways:
/// our decoders read protoc's and python protobuf's bytes and JSON to the same values,
/// and python protobuf reads our bytes and JSON back to the values of the cases.
@Suite struct GoldenContractTests {
  @Test func everyGoldenCaseAgreesWithTheReference() throws {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-contract-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }

    let cases = try ContractFixtures.goldenCases()
    #expect(cases.count >= 80)
    for golden in cases {
      guard let type = ContractFixtures.messageTypes[golden.readAs] else {
        Issue.record("\(golden.name): no generated type for \(golden.readAs)")
        continue
      }
      do {
        try check(type, golden, writingTo: output)
      } catch {
        Issue.record("\(golden.name): \(error)")
      }
    }

    let reference = try ReferenceImplementation.checkAll(output)
    #expect(
      reference.status == 0,
      "python protobuf reads Sluice's encodings differently:\n\(reference.output)")
  }

  /// Decodes one case's golden files as `M`, compares, and writes our encodings of the
  /// value to `output` for the reference to check.
  private func check<M: ProtoMessage>(
    _: M.Type, _ golden: ContractFixtures.GoldenCase, writingTo output: URL
  ) throws {
    let decoding = JSONDecodingOptions(typeRegistry: ContractFixtures.registry)
    let encoding = JSONEncodingOptions(typeRegistry: ContractFixtures.registry)
    let referenceBytes = try ContractFixtures.bytes("Golden/\(golden.name).binpb")
    let referenceJSON = try ContractFixtures.bytes("Golden/\(golden.name).json")

    let fromBinary = try M(serializedBytes: referenceBytes)
    let fromJSON = try M(jsonUTF8: referenceJSON, options: decoding)
    // Cases read as another type carry unknown fields, which JSON cannot: compare those
    // after dropping them through a JSON round trip.
    let comparable =
      golden.readAs == golden.message
      ? fromBinary : try M(jsonUTF8: fromBinary.jsonUTF8(options: encoding), options: decoding)
    #expect(
      Equivalence.same(comparable, fromJSON),
      "\(golden.name): the reference's binary and JSON decode to different values")

    let encoded = fromBinary.serializedBytes()
    if golden.binaryExact {
      #expect(encoded == referenceBytes, "\(golden.name): re-encoding changed the bytes")
    }
    try Data(encoded).write(to: output.appendingPathComponent("\(golden.name).binpb"))
    try Data(fromJSON.jsonUTF8(options: encoding))
      .write(to: output.appendingPathComponent("\(golden.name).json"))
  }
}
