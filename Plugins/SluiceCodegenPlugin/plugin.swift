import Foundation
import PackagePlugin

/// Generates Swift for the `.proto` files of a target with `sluice-codegen`.
///
/// Schema files are the target's own source files with the `.proto` extension. When the
/// target folder has a `Schemas` folder (or a `Schemas` symlink to the real schema folder),
/// imports are named relative to it; otherwise relative to the target folder. Every
/// schema file gets its own build command, whose inputs are that file and every other
/// schema file of the target (an import may change) and whose output is
/// `<path_with_underscores>.pb.swift` in the plugin's work folder.
///
/// An optional `sluice-codegen.json` in the target folder sets options:
/// `{"visibility": "public"}` (`public`, `package` or `internal`, the default).
@main
struct SluiceCodegenPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let schemaFiles = target.sourceFiles.map(\.url).filter { $0.pathExtension == "proto" }
    return try Self.commands(
      schemaFiles: schemaFiles, folder: target.directoryURL,
      workDirectory: context.pluginWorkDirectoryURL, tool: context.tool(named: "sluice-codegen").url)
  }

  /// Name of the optional configuration file in the target folder.
  static let configurationFileName = "sluice-codegen.json"

  /// Schema files whose types `SluiceRuntime` declares; the generator writes nothing for
  /// them, so they get no command (they still count as inputs of the others).
  static let runtimeProvidedSchemas: Set<String> = [
    "google/protobuf/any.proto", "google/protobuf/duration.proto", "google/protobuf/empty.proto",
    "google/protobuf/field_mask.proto", "google/protobuf/struct.proto",
    "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto",
  ]

  /// The contents of `sluice-codegen.json`.
  struct Configuration: Decodable {
    /// `public`, `package` or `internal`.
    var visibility: String?
  }

  /// Why the plugin cannot create commands.
  enum PluginError: Error, CustomStringConvertible {
    case invalidConfiguration(path: String, reason: String)
    case outsideSchemaFolder(file: String, folder: String)

    var description: String {
      switch self {
      case .invalidConfiguration(let path, let reason):
        return "\(path): \(reason); expected {\"visibility\": \"public\" | \"package\" | \"internal\"}"
      case .outsideSchemaFolder(let file, let folder):
        return "schema file \(file) is not inside the schema folder \(folder)"
      }
    }
  }

  /// One build command per schema file (sorted by import name, so the order is stable).
  static func commands(
    schemaFiles: [URL], folder: URL, workDirectory: URL, tool: URL
  ) throws -> [Command] {
    let schemasFolder = folder.appending(path: "Schemas", directoryHint: .isDirectory)
    var isDirectory: ObjCBool = false
    let hasSchemasFolder =
      FileManager.default.fileExists(atPath: schemasFolder.path(), isDirectory: &isDirectory) && isDirectory.boolValue
    let root = hasSchemasFolder ? schemasFolder : folder
    var arguments = ["--proto-path", root.path(), "--out", workDirectory.path(), "--file-naming", "underscores"]
    var configurationInputs: [URL] = []
    let configurationURL = folder.appending(path: configurationFileName)
    if FileManager.default.fileExists(atPath: configurationURL.path()) {
      configurationInputs.append(configurationURL)
      let visibility = try readConfiguration(at: configurationURL).visibility ?? "internal"
      arguments += ["--visibility", visibility]
    }

    let schemas = try schemaFiles.map { file in (url: file, name: try importName(of: file, under: root)) }
      .sorted { $0.name < $1.name }
    let inputs = schemas.map(\.url) + configurationInputs
    return schemas.filter { !runtimeProvidedSchemas.contains($0.name) }.map { schema in
      let output = workDirectory.appending(
        path: String(schema.name.dropLast(".proto".count)).replacing("/", with: "_") + ".pb.swift")
      return .buildCommand(
        displayName: "Generating Swift from \(schema.name)",
        executable: tool,
        arguments: arguments + [root.appending(path: schema.name).path()],
        inputFiles: inputs,
        outputFiles: [output])
    }
  }

  /// The file's path relative to `root`, comparing both as given and with symlinks
  /// resolved (SwiftPM may list files reached through a `Schemas` symlink by either path).
  static func importName(of file: URL, under root: URL) throws -> String {
    let candidates = [
      (file.standardizedFileURL.path(), root.standardizedFileURL.path()),
      (file.resolvingSymlinksInPath().path(), root.resolvingSymlinksInPath().path()),
    ]
    for (path, folder) in candidates {
      let prefix = folder.hasSuffix("/") ? folder : folder + "/"
      if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    }
    throw PluginError.outsideSchemaFolder(file: file.path(), folder: root.path())
  }

  /// Reads and checks `sluice-codegen.json`.
  static func readConfiguration(at url: URL) throws -> Configuration {
    let configuration: Configuration
    do {
      configuration = try JSONDecoder().decode(Configuration.self, from: Data(contentsOf: url))
    } catch {
      throw PluginError.invalidConfiguration(path: url.path(), reason: "\(error)")
    }
    if let visibility = configuration.visibility, !["public", "package", "internal"].contains(visibility) {
      throw PluginError.invalidConfiguration(path: url.path(), reason: "unknown visibility '\(visibility)'")
    }
    return configuration
  }
}

#if canImport(XcodeProjectPlugin)
  import XcodeProjectPlugin

  extension SluiceCodegenPlugin: XcodeBuildToolPlugin {
    /// Xcode targets have no folder of their own: the project folder takes its place.
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
      let schemaFiles = target.inputFiles.map(\.url).filter { $0.pathExtension == "proto" }
      return try Self.commands(
        schemaFiles: schemaFiles, folder: context.xcodeProject.directoryURL,
        workDirectory: context.pluginWorkDirectoryURL, tool: context.tool(named: "sluice-codegen").url)
    }
  }
#endif
