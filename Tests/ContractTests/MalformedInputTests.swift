import Foundation
import SluiceRuntime
import Testing

/// Inputs every decoder must reject (`Fixtures/Malformed*`, with the error each must
/// produce): Sluice's generated decoders throw exactly that typed error.
@Suite struct MalformedInputTests {
  @Test func malformedBinaryIsRejected() throws {
    try checkEach(inFolder: "Malformed", atLeast: 40) { Self.binaryError($0, $1) }
  }

  @Test func malformedJSONIsRejected() throws {
    try checkEach(inFolder: "MalformedJSON", atLeast: 50) { Self.jsonError($0, $1) }
  }

  /// Decodes every input of a manifest with `decode` (which names the error, or returns
  /// nil when decoding succeeded) and expects the manifest's error.
  private func checkEach(
    inFolder folder: String, atLeast minimum: Int,
    _ decode: (any ProtoMessage.Type, [UInt8]) -> String?
  ) throws {
    let inputs = try ContractFixtures.malformed(folder)
    #expect(inputs.count >= minimum)
    for input in inputs {
      guard let type = ContractFixtures.messageTypes[input.message] else {
        Issue.record("\(input.file): no generated type for \(input.message)")
        continue
      }
      let bytes = try ContractFixtures.bytes("\(folder)/\(input.file)")
      #expect(decode(type, bytes) == input.expected, "\(input.file)")
    }
  }

  /// The error's name as the manifest writes it, or nil when decoding succeeded.
  private static func binaryError<M: ProtoMessage>(_: M.Type, _ bytes: [UInt8]) -> String? {
    do {
      _ = try M(serializedBytes: bytes)
      return nil
    } catch {
      switch error {
      case .invalidWireType(let wireType): return "invalidWireType(\(wireType))"
      case .wireTypeMismatch(let fieldNumber): return "wireTypeMismatch(\(fieldNumber))"
      default: return caseName(error)
      }
    }
  }

  private static func jsonError<M: ProtoMessage>(_: M.Type, _ bytes: [UInt8]) -> String? {
    let options = JSONDecodingOptions(typeRegistry: ContractFixtures.registry)
    do {
      _ = try M(jsonUTF8: bytes, options: options)
      return nil
    } catch {
      return caseName(error)
    }
  }

  /// `truncated` for `.truncated`, `invalidNumber` for `.invalidNumber(offset: 3)`.
  private static func caseName(_ error: some Error) -> String {
    if let label = Mirror(reflecting: error).children.first?.label { return label }
    return String(describing: error)
  }
}
