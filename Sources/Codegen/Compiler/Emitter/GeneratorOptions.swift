/// Settings of ``SwiftGenerator``.
public struct GeneratorOptions: Hashable, Sendable {
  /// Access level of every generated declaration.
  public enum Visibility: String, Hashable, Sendable, CaseIterable {
    /// `public` declarations and `public import` of the runtime.
    case `public`
    /// `internal` declarations (no keyword) and `internal import` of the runtime.
    case `internal`
    /// `package` declarations and `package import` of the runtime.
    case `package`
  }

  /// How a schema file's name becomes the generated file's name.
  public enum FileNaming: String, Hashable, Sendable, CaseIterable {
    /// `sluice/v1/ingest.proto` → `sluice/v1/ingest.pb.swift`.
    case fullPath
    /// `sluice/v1/ingest.proto` → `sluice_v1_ingest.pb.swift` (unique names in one folder,
    /// as SwiftPM needs for a target's generated sources).
    case pathToUnderscores
  }

  /// Access level of generated declarations; `internal` by default, as in swift-protobuf.
  public var visibility: Visibility
  /// The module generated code imports for `ProtoMessage` and friends; empty when the
  /// code is compiled into that module itself.
  public var runtimeModuleName: String
  /// How generated files are named.
  public var fileNaming: FileNaming

  /// Creates options.
  public init(
    visibility: Visibility = .internal,
    runtimeModuleName: String = "SluiceRuntime",
    fileNaming: FileNaming = .fullPath
  ) {
    self.visibility = visibility
    self.runtimeModuleName = runtimeModuleName
    self.fileNaming = fileNaming
  }
}

extension GeneratorOptions.FileNaming {
  /// The generated file's name for a schema file name: `.proto` is replaced by
  /// `.pb.swift` (or `.pb.swift` is appended to other names).
  public func outputName(forSchemaFile name: String) -> String {
    let base = name.hasSuffix(".proto") ? String(name.dropLast(".proto".count)) : name
    switch self {
    case .fullPath: return base + ".pb.swift"
    case .pathToUnderscores: return base.replacing("/", with: "_") + ".pb.swift"
    }
  }
}
