import Foundation
import SluiceRuntime

/// The fixtures under `Fixtures/` (made by `Fixtures/regenerate.sh` from protoc and python
/// protobuf) and the generated types they are read as.
enum ContractFixtures {
  /// `Tests/ContractTests/Fixtures`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// Every message type the contract schemas declare, by full proto name.
  static let messageTypes: [String: any ProtoMessage.Type] = {
    let files: [[any ProtoMessage.Type]] = [
      Sluice_Contract_V1_Enums_ProtoFile.messageTypes,
      Sluice_Contract_V1_Imports_ProtoFile.messageTypes,
      Sluice_Contract_V1_Maps_ProtoFile.messageTypes,
      Sluice_Contract_V1_Names_ProtoFile.messageTypes,
      Sluice_Contract_V1_Nesting_ProtoFile.messageTypes,
      Sluice_Contract_V1_Oneofs_ProtoFile.messageTypes,
      Sluice_Contract_V1_Scalars_ProtoFile.messageTypes,
      Sluice_Contract_V1_Unknown_ProtoFile.messageTypes,
      Sluice_Contract_V1_Wkt_ProtoFile.messageTypes,
      Sluice_Contract_Common_V1_Common_ProtoFile.messageTypes,
    ]
    var byName: [String: any ProtoMessage.Type] = [:]
    for type in files.joined() { byName[type.protoMessageName] = type }
    return byName
  }()

  /// A registry for `google.protobuf.Any` holding every contract type.
  static let registry = ProtoTypeRegistry(Array(messageTypes.values))

  /// One golden case from `Golden/index.json`.
  struct GoldenCase: Decodable, Sendable {
    /// File stem of `Golden/<name>.binpb` and `.json`.
    var name: String
    /// The type the value was written as.
    var message: String
    /// The type the golden files are read as.
    var readAs: String
    /// Whether re-encoding the decoded value must reproduce the golden bytes exactly.
    var binaryExact: Bool
  }

  /// One input every decoder must reject, from a `manifest.json`.
  struct MalformedInput: Decodable, Sendable {
    var file: String
    var message: String
    /// The error case name, e.g. `truncated` or `unknownField`.
    var expected: String
  }

  static func goldenCases() throws -> [GoldenCase] {
    try JSONDecoder().decode([GoldenCase].self, from: Data(contentsOf: url("Golden/index.json")))
  }

  static func malformed(_ folder: String) throws -> [MalformedInput] {
    try JSONDecoder().decode(
      [MalformedInput].self, from: Data(contentsOf: url("\(folder)/manifest.json")))
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url(path)))
  }

  static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
