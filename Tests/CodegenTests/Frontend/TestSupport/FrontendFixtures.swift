import Foundation

/// Locates the frontend's fixture folders from this file's path, so tests run from
/// any working directory.
enum FrontendFixtures {
  /// `Tests/CodegenTests/Fixtures`.
  static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fixtures").path
  }()

  /// Bad schemas and their expected diagnostics.
  static var diagnostics: String { root + "/Diagnostics" }

  /// The schema corpus and protoc's descriptors for it.
  static var frontendInputs: String { root + "/FrontendInputs" }

  /// Paths of the `.proto` files under `folder`, relative to it, sorted.
  static func protoFiles(under folder: String) -> [String] {
    let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    let enumerator = FileManager.default.enumerator(atPath: resolved)
    var names: [String] = []
    while let name = enumerator?.nextObject() as? String {
      if name.hasSuffix(".proto") { names.append(name) }
    }
    return names.sorted()
  }

  /// The text of a file.
  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }
}
