/// Turns parsed files into the checked model: registers every declared name,
/// resolves type names with protoc's scoping rules, and checks the proto3 rules.
/// Pure: it sees only the files the loader produced.
struct Checker {
  /// What name lookups in one file may see.
  struct FileContext {
    /// Import name of the file.
    var name: String
    var package: String
    /// Import names of the files whose declarations this file may use: itself,
    /// its imports, and what those re-export with `import public`.
    var visibleFiles: Set<String>
  }

  let filesByName: [String: SchemaLoader.LoadedFile]
  var symbols = SymbolTable()
  /// Field names of synthesized map entry types, by the entry type's full name.
  var mapEntryFields: [String: String] = [:]
  private(set) var diagnostics: [Diagnostic] = []
  /// Diagnostics are dropped while registering a file that had syntax errors.
  private var isReporting = true

  private init(files: [SchemaLoader.LoadedFile]) {
    var byName: [String: SchemaLoader.LoadedFile] = [:]
    for file in files { byName[file.name] = file }
    self.filesByName = byName
  }

  /// Checks `files` (in dependency order). Files with syntax errors only contribute
  /// their names; descriptors are returned for the others.
  static func check(_ files: [SchemaLoader.LoadedFile]) -> (files: [FileDescriptor], diagnostics: [Diagnostic]) {
    var checker = Checker(files: files)
    for file in files {
      checker.isReporting = !file.hasSyntaxErrors
      checker.register(file)
    }
    checker.isReporting = true
    var descriptors: [FileDescriptor] = []
    for file in files where !file.hasSyntaxErrors {
      descriptors.append(checker.buildFile(file))
    }
    return (descriptors, checker.diagnostics)
  }

  mutating func report(_ message: String, at location: SourceLocation) {
    if isReporting { diagnostics.append(Diagnostic(message, at: location)) }
  }

  /// `scope.name`, or `name` at the root.
  static func qualify(_ name: String, in scope: String) -> String {
    scope.isEmpty ? name : scope + "." + name
  }

  // MARK: Files

  private func context(for file: SchemaLoader.LoadedFile) -> FileContext {
    var visible: Set<String> = [file.name]
    func addWithPublicImports(_ name: String) {
      guard visible.insert(name).inserted, let dependency = filesByName[name] else { return }
      for imported in dependency.node.imports where imported.kind == .public {
        addWithPublicImports(imported.name)
      }
    }
    for dependency in file.dependencies { addWithPublicImports(dependency) }
    return FileContext(name: file.name, package: file.node.package?.value ?? "", visibleFiles: visible)
  }

  private mutating func buildFile(_ file: SchemaLoader.LoadedFile) -> FileDescriptor {
    let node = file.node
    let context = context(for: file)
    _ = checkOptions(node.options, scope: .file)
    var descriptor = FileDescriptor(
      name: file.name, package: context.package, dependencies: node.imports.map(\.name),
      publicDependencies: node.imports.indices.filter { node.imports[$0].kind == .public },
      weakDependencies: node.imports.indices.filter { node.imports[$0].kind == .weak },
      options: node.options, comments: node.comments)
    descriptor.messages = node.messages.map { buildMessage($0, scope: context.package, context: context) }
    descriptor.enums = node.enums.map { buildEnum($0, scope: context.package) }
    descriptor.services = node.services.map { buildService($0, context: context) }
    return descriptor
  }
}
