import Testing

@testable import SluiceCodegen

/// The loader's pure parts: path arithmetic and user-path mapping over a fake disk.
@Suite struct SchemaLoaderTests {
  private let disk = [
    "/repo/protos/a/b.proto": "syntax = \"proto3\";",
    "/repo/other/a/b.proto": "syntax = \"proto3\";",
  ]

  private func loader(_ importPaths: [String]) -> SchemaLoader {
    let disk = self.disk
    return SchemaLoader(importPaths: importPaths) { path in disk[SchemaPath.absolute(path, in: "/repo")] }
  }

  @Test func normalize() {
    #expect(SchemaPath.normalize("./a//b/../c.proto") == "a/c.proto")
    #expect(SchemaPath.normalize("/x/./y/../../z") == "/z")
    #expect(SchemaPath.normalize("../a") == "../a")
    #expect(SchemaPath.normalize(".") == ".")
    #expect(SchemaPath.relative("/a/b/c", to: "/a") == "b/c")
    #expect(SchemaPath.relative("/ab/c", to: "/a") == nil)
    #expect(SchemaPath.join("", "x.proto") == "x.proto")
    #expect(SchemaPath.join("dir/", "x.proto") == "dir/x.proto")
  }

  @Test func userPathsMapToTheFirstContainingImportPath() throws {
    #expect(try loader(["protos"]).importName(forUserPath: "protos/a/b.proto", currentDirectory: "/repo") == "a/b.proto")
    #expect(try loader(["/repo/protos"]).importName(forUserPath: "./protos/a/../a/b.proto", currentDirectory: "/repo") == "a/b.proto")
    #expect(try loader(["."]).importName(forUserPath: "protos/a/b.proto", currentDirectory: "/repo") == "protos/a/b.proto")
    #expect(try loader(["protos"]).importName(forUserPath: "a/b.proto", currentDirectory: "/repo") == "a/b.proto")
  }

  @Test func shadowingIsAnError() {
    #expect(throws: CompilationFailure.self) {
      try loader(["protos", "other"]).importName(forUserPath: "other/a/b.proto", currentDirectory: "/repo")
    }
  }

  @Test func loadOrdersFilesAfterTheirImports() {
    let sources = [
      "a.proto": "syntax = \"proto3\";\nimport \"b.proto\";\nimport \"c.proto\";",
      "b.proto": "syntax = \"proto3\";\nimport \"c.proto\";",
      "c.proto": "syntax = \"proto3\";",
    ]
    let loader = SchemaLoader(importPaths: [""]) { sources[$0] }
    let (files, diagnostics) = loader.load([.init(name: "a.proto", path: "a.proto")])
    #expect(diagnostics.isEmpty)
    #expect(files.map(\.name) == ["c.proto", "b.proto", "a.proto"])
    #expect(files.map(\.dependencies) == [[], ["c.proto"], ["b.proto", "c.proto"]])
  }
}
