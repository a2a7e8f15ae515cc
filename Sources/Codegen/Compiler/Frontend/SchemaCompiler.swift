#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Compiles proto3 schema files into the checked model (``SchemaSet``), the way
/// protoc reads them: files are named relative to import folders, imports are
/// searched in those folders in order, and the well-known types
/// (`google/protobuf/timestamp.proto`, ...) are bundled.
///
/// ```swift
/// let compiler = SchemaCompiler(importPaths: ["Schemas"])
/// do {
///   let set = try compiler.compile(files: ["Schemas/sluice/v1/ingest.proto"])
/// } catch {
///   print(error)  // every problem of every file, one `file:line:column: message` per line
/// }
/// ```
public struct SchemaCompiler: Sendable {
  /// Folders searched for imports, in order (protoc's `-I`); `.` when empty.
  public var importPaths: [String]

  /// Creates a compiler. `importPaths`: folders searched for imports, in order;
  /// bundled well-known types (`google/protobuf/{any,api,duration,empty,field_mask,
  /// source_context,struct,timestamp,type,wrappers}.proto`) are found when no
  /// import path has them.
  public init(importPaths: [String]) {
    self.importPaths = importPaths
  }

  /// Compiles files named relative to an import path (like protoc), or by a path
  /// (absolute or relative to the current directory) inside one of them, which is
  /// mapped to its name relative to the first import path containing it.
  /// Diagnostics name these files as the caller wrote them, imported files by
  /// their import names. Throws every error of every file at once.
  public func compile(files: [String]) throws(CompilationFailure) -> SchemaSet {
    let loader = SchemaLoader(
      importPaths: importPaths.isEmpty ? ["."] : importPaths, readFile: SchemaCompiler.readFile)
    let currentDirectory = FileManager.default.currentDirectoryPath
    var requests: [SchemaLoader.Request] = []
    var diagnostics: [Diagnostic] = []
    for path in files {
      do {
        let name = try loader.importName(forUserPath: path, currentDirectory: currentDirectory)
        requests.append(SchemaLoader.Request(name: name, path: path))
      } catch {
        diagnostics += error.diagnostics
      }
    }
    return try compile(requests, with: loader, diagnostics: diagnostics)
  }

  /// Compiles in-memory sources: `sources` maps import names to file text; `files`
  /// are the names to compile. Imports are looked up in `sources`, then among the
  /// bundled well-known types; the import paths are not used.
  public func compile(files: [String], sources: [String: String]) throws(CompilationFailure) -> SchemaSet {
    let loader = SchemaLoader(importPaths: [""], readFile: { sources[$0] })
    let requests = files.map { SchemaLoader.Request(name: $0, path: $0) }
    return try compile(requests, with: loader, diagnostics: [])
  }

  private func compile(
    _ requests: [SchemaLoader.Request], with loader: SchemaLoader, diagnostics: [Diagnostic]
  ) throws(CompilationFailure) -> SchemaSet {
    let (loaded, loadDiagnostics) = loader.load(requests)
    let (descriptors, checkDiagnostics) = Checker.check(loaded)
    let all = diagnostics + loadDiagnostics + checkDiagnostics
    guard all.isEmpty else { throw CompilationFailure(all) }
    var requested: [String] = []
    for request in requests where !requested.contains(request.name) { requested.append(request.name) }
    return SchemaSet(files: descriptors, requestedFiles: requested)
  }

  /// The text of a regular file, or nil when there is none (or it is a folder).
  private static func readFile(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
