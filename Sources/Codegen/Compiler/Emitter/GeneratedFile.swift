/// One generated Swift source file.
public struct GeneratedFile: Hashable, Sendable {
  /// Path relative to the output folder, such as `sluice/v1/ingest.pb.swift`.
  public var name: String
  /// The Swift source text.
  public var contents: String

  /// Creates a generated file.
  public init(name: String, contents: String) {
    self.name = name
    self.contents = contents
  }
}
