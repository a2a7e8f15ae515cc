@testable import SluiceCodegen

/// Compiles in-memory sources; the first file of `files` (default: every source,
/// sorted) is compiled with the others available for import.
func compileSources(_ sources: [String: String], files: [String]? = nil) throws(CompilationFailure) -> SchemaSet {
  try SchemaCompiler(importPaths: []).compile(files: files ?? sources.keys.sorted(), sources: sources)
}

/// The diagnostics of compiling a single file `t.proto`, as text lines; empty when
/// it compiles.
func diagnostics(of text: String, imports: [String: String] = [:]) -> [String] {
  var sources = imports
  sources["t.proto"] = text
  do {
    _ = try compileSources(sources, files: ["t.proto"])
    return []
  } catch {
    return error.diagnostics.map(\.description)
  }
}
