/// Turns a checked ``SchemaSet`` into Swift source files, one per requested schema file,
/// following `Docs/GeneratedCode.md`. Pure and deterministic: the same set and options
/// always give the same text.
public struct SwiftGenerator: Sendable {
  /// The settings.
  public var options: GeneratorOptions

  /// Creates a generator.
  public init(options: GeneratorOptions) {
    self.options = options
  }

  /// Generates a file for every requested file of `set`, in request order. Files whose
  /// types the runtime declares (`google/protobuf/timestamp.proto` and the other
  /// well-known types) produce nothing.
  ///
  /// - Throws: ``CompilationFailure`` when two types (or two files) would get the same
  ///   Swift name or the same generated file name.
  public func generate(_ set: SchemaSet) throws(CompilationFailure) -> [GeneratedFile] {
    let naming = try SwiftNaming(set: set)
    let context = EmitterContext(set: set, naming: naming, options: options)
    var diagnostics: [Diagnostic] = []
    var outputOwners: [String: String] = [:]
    var enumOwners: [String: String] = [:]
    var files: [GeneratedFile] = []
    for name in set.requestedFiles where !WellKnownFiles.isRuntimeProvided(name) {
      let start = SourceLocation(file: name, line: 1, column: 1)
      guard let file = set.file(named: name) else {
        diagnostics.append(Diagnostic("file '\(name)' is not part of the compiled schema set", at: start))
        continue
      }
      let outputName = options.fileNaming.outputName(forSchemaFile: name)
      if let owner = outputOwners.updateValue(name, forKey: outputName) {
        diagnostics.append(Diagnostic("generated file name '\(outputName)' is also that of '\(owner)'", at: start))
      }
      let enumName = SwiftNaming.fileEnumName(name)
      if let owner = enumOwners.updateValue(name, forKey: enumName) {
        diagnostics.append(Diagnostic("Swift name '\(enumName)' is also that of '\(owner)'", at: start))
      }
      let bytes = DescriptorEncoder.fileDescriptorProto(file, in: set)
      let contents = FileEmitter(file: file, context: context, options: options, descriptorBytes: bytes).render()
      files.append(GeneratedFile(name: outputName, contents: contents))
    }
    if !diagnostics.isEmpty { throw CompilationFailure(diagnostics) }
    return files
  }
}
