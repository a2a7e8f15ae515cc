/// Finds schema files by import name in the import folders (then among the bundled
/// well-known types), parses them and everything they import, and orders them so
/// each file comes after its imports. Every file access goes through `readFile`,
/// so the loader runs as well on a dictionary as on a disk.
struct SchemaLoader {
  /// A file named by the user: its import name and the path they wrote.
  struct Request: Hashable, Sendable {
    var name: String
    var path: String
  }

  /// A parsed file of the compilation.
  struct LoadedFile: Sendable {
    /// The import name (`sluice/v1/ingest.proto`).
    var name: String
    /// The syntax tree; `node.path` names the file in diagnostics.
    var node: FileNode
    /// Import names of the files this one imports that were found, in import order.
    var dependencies: [String]
    /// Whether lexical or syntax errors made the parser skip part of the file (it is
    /// then not checked further: its tree may lack declarations).
    var hasSyntaxErrors: Bool
  }

  /// Folders searched in order; `""` means names are used as they are.
  let importPaths: [String]
  /// Returns the text of the file at a path, or nil when there is none.
  let readFile: (String) -> String?

  // MARK: Names of requested files

  /// The import name of a file the user named by `path` (absolute or relative to
  /// `currentDirectory`): its path relative to the first import folder that
  /// contains it, as protoc maps command-line files. A path that is not a file is
  /// taken as an import name.
  func importName(forUserPath path: String, currentDirectory: String) throws(CompilationFailure) -> String {
    func failure(_ message: String) -> CompilationFailure {
      CompilationFailure([Diagnostic(message, at: SourceLocation(file: path, line: 1, column: 1))])
    }
    guard readFile(path) != nil else {
      let name = SchemaPath.normalize(path)
      guard locate(name) != nil else { throw failure("file \"\(path)\" was not found") }
      return name
    }
    let absolute = SchemaPath.absolute(path, in: currentDirectory)
    for (i, folder) in importPaths.enumerated() {
      let absoluteFolder = SchemaPath.absolute(folder, in: currentDirectory)
      guard let name = SchemaPath.relative(absolute, to: absoluteFolder) else { continue }
      for earlier in importPaths[..<i]
      where SchemaPath.absolute(earlier, in: currentDirectory) != absoluteFolder
        && readFile(SchemaPath.join(earlier, name)) != nil
      {
        throw failure(
          "\"\(path)\" is shadowed by \"\(SchemaPath.join(earlier, name))\", which comes first in the import paths")
      }
      return name
    }
    let name = SchemaPath.normalize(path)
    guard !path.hasPrefix("/"), locate(name) != nil else {
      throw failure("\"\(path)\" is not inside any import path; add a folder that contains it")
    }
    return name
  }

  /// The text of the file imported as `name`: from the first import folder that has
  /// it, else from the bundled well-known types.
  func locate(_ name: String) -> String? {
    for folder in importPaths {
      if let text = readFile(SchemaPath.join(folder, name)) { return text }
    }
    return WellKnownProtos.source(named: name)
  }

  // MARK: Loading

  /// Loads the requested files and their imports, in dependency order.
  func load(_ requests: [Request]) -> (files: [LoadedFile], diagnostics: [Diagnostic]) {
    var state = LoadState()
    for request in requests where state.displayPaths[request.name] == nil {
      state.displayPaths[request.name] = request.path
    }
    for request in requests where state.loaded[request.name] == nil {
      guard let text = locate(request.name) else {
        state.diagnostics.append(
          Diagnostic(
            "file \"\(request.path)\" was not found",
            at: SourceLocation(file: request.path, line: 1, column: 1)))
        continue
      }
      visit(request.name, text: text, state: &state)
    }
    return (state.order.compactMap { state.loaded[$0] }, state.diagnostics)
  }

  private struct LoadState {
    var displayPaths: [String: String] = [:]
    var loaded: [String: LoadedFile] = [:]
    var missing: Set<String> = []
    var order: [String] = []
    var stack: [String] = []
    var diagnostics: [Diagnostic] = []
  }

  private func visit(_ name: String, text: String, state: inout LoadState) {
    let path = state.displayPaths[name] ?? name
    let (node, syntaxDiagnostics, isComplete) = Parser.parse(text, path: path)
    state.diagnostics += syntaxDiagnostics
    state.stack.append(name)
    var dependencies: [String] = []
    var seen: Set<String> = []
    for imported in node.imports {
      guard seen.insert(imported.name).inserted else {
        state.diagnostics.append(Diagnostic("\"\(imported.name)\" is imported more than once", at: imported.location))
        continue
      }
      if let start = state.stack.firstIndex(of: imported.name) {
        let cycle = (state.stack[start...] + [imported.name]).map { "\"\($0)\"" }
        state.diagnostics.append(
          Diagnostic("import cycle: \(cycle.joined(separator: " -> "))", at: imported.location))
        dependencies.append(imported.name)
        continue
      }
      if state.loaded[imported.name] == nil {
        guard !state.missing.contains(imported.name), let importedText = locate(imported.name) else {
          state.missing.insert(imported.name)
          state.diagnostics.append(
            Diagnostic("import \"\(imported.name)\" was not found", at: imported.location))
          continue
        }
        visit(imported.name, text: importedText, state: &state)
      }
      dependencies.append(imported.name)
    }
    state.stack.removeLast()
    state.loaded[name] = LoadedFile(
      name: name, node: node, dependencies: dependencies, hasSyntaxErrors: !isComplete)
    state.order.append(name)
  }
}
