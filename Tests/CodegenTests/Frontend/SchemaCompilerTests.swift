import Foundation
import Testing

@testable import SluiceCodegen

/// Files on disk: names relative to import paths, as protoc maps them.
@Suite struct SchemaCompilerTests {
  /// A fresh folder with `files` (relative path -> text) written into it.
  private func folder(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-frontend-\(UUID().uuidString)").path
    for (name, text) in files {
      let path = root + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return root
  }

  private let good = [
    "protos/app/v1/event.proto": "syntax = \"proto3\";\npackage app.v1;\nimport \"app/v1/kind.proto\";\nmessage Event { Kind kind = 1; }",
    "protos/app/v1/kind.proto": "syntax = \"proto3\";\npackage app.v1;\nenum Kind { KIND_UNSPECIFIED = 0; }",
  ]

  @Test func absolutePathsMapToImportNames() throws {
    let root = try folder(good)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: [root + "/protos/app/v1/event.proto"])
    #expect(set.requestedFiles == ["app/v1/event.proto"])
    #expect(set.files.map(\.name) == ["app/v1/kind.proto", "app/v1/event.proto"])
  }

  @Test func importNamesWork() throws {
    let root = try folder(good)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: ["app/v1/event.proto"])
    #expect(set.requestedFiles == ["app/v1/event.proto"])
  }

  @Test func relativePathsAreRelativeToTheCurrentDirectory() throws {
    let root = try folder(good)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let cwd = FileManager.default.currentDirectoryPath
    let up = String(repeating: "../", count: cwd.split(separator: "/").count)
    let relativeRoot = up + root.dropFirst()
    let set = try SchemaCompiler(importPaths: ["/" + root.dropFirst() + "/protos"])
      .compile(files: [relativeRoot + "/protos/./app/v1/event.proto"])
    #expect(set.requestedFiles == ["app/v1/event.proto"])
  }

  @Test func diagnosticsUseTheGivenPathForRequestedFiles() throws {
    var files = good
    files["protos/app/v1/event.proto"] = "syntax = \"proto3\";\npackage app.v1;\nimport \"app/v1/kind.proto\";\nmessage Event { Nope kind = 1; }"
    files["protos/app/v1/kind.proto"] = "syntax = \"proto3\";\npackage app.v1;\nenum Kind { KIND_A = 1; }"
    let root = try folder(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/protos/app/v1/event.proto"
    #expect(throws: CompilationFailure.self) {
      try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: [path])
    }
    do {
      _ = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: [path])
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "\(path):4:17: unknown type \"Nope\"",
          "app/v1/kind.proto:3:22: first value \"KIND_A\" of enum \"Kind\" must be 0 in proto3",
        ].sorted())
    }
  }

  @Test func fileOutsideImportPaths() throws {
    let root = try folder(good)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/protos/app/v1/event.proto"
    do {
      _ = try SchemaCompiler(importPaths: [root + "/elsewhere"]).compile(files: [path])
      Issue.record("compiled")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "\(path):1:1: \"\(path)\" is not inside any import path; add a folder that contains it"
        ])
    }
  }

  @Test func missingFile() throws {
    let root = try folder(good)
    defer { try? FileManager.default.removeItem(atPath: root) }
    do {
      _ = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: ["app/v1/nothing.proto"])
      Issue.record("compiled")
    } catch {
      #expect(error.diagnostics.map(\.description) == ["app/v1/nothing.proto:1:1: file \"app/v1/nothing.proto\" was not found"])
    }
  }

  @Test func shadowedInput() throws {
    var files = good
    files["first/app/v1/event.proto"] = "syntax = \"proto3\";"
    let root = try folder(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let path = root + "/protos/app/v1/event.proto"
    do {
      _ = try SchemaCompiler(importPaths: [root + "/first", root + "/protos"]).compile(files: [path])
      Issue.record("compiled")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "\(path):1:1: \"\(path)\" is shadowed by \"\(root)/first/app/v1/event.proto\", which comes first in the import paths"
        ])
    }
  }

  @Test func importPathsAreSearchedInOrder() throws {
    var files = good
    files["first/app/v1/kind.proto"] = "syntax = \"proto3\";\npackage app.v1;\nenum Kind { KIND_FIRST = 0; }"
    let root = try folder(files)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = try SchemaCompiler(importPaths: [root + "/first", root + "/protos"]).compile(files: ["app/v1/event.proto"])
    #expect(set.enumeration(named: "app.v1.Kind")?.values.map(\.name) == ["KIND_FIRST"])
  }

  @Test func wellKnownTypesOnDiskWinOverBundledOnes() throws {
    let root = try folder([
      "protos/google/protobuf/empty.proto": "syntax = \"proto3\";\npackage google.protobuf;\nmessage Empty { int32 extra = 1; }",
      "protos/a.proto": "syntax = \"proto3\";\nimport \"google/protobuf/empty.proto\";\nimport \"google/protobuf/duration.proto\";",
    ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let set = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: ["a.proto"])
    #expect(set.message(named: "google.protobuf.Empty")?.fields.count == 1)
    #expect(set.message(named: "google.protobuf.Duration") != nil)
  }

  @Test func folderIsNotAFile() throws {
    let root = try folder(["protos/dir.proto/x.proto": "syntax = \"proto3\";"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    do {
      _ = try SchemaCompiler(importPaths: [root + "/protos"]).compile(files: ["dir.proto"])
      Issue.record("compiled")
    } catch {
      #expect(error.diagnostics.map(\.message) == ["file \"dir.proto\" was not found"])
    }
  }

  @Test func everyFileReportsEveryError() {
    do {
      _ = try compileSources([
        "a.proto": "syntax = \"proto3\";\nmessage A { B b = 1; int32 x = 0; }",
        "b.proto": "syntax = \"proto3\";\nmessage B { int32 y = 1; int32 z = 1; }\nenum E { E_A = 1; }",
      ])
      Issue.record("compiled")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "a.proto:2:13: \"B\" is defined in \"b.proto\", which is not imported here; add 'import \"b.proto\";'",
          "a.proto:2:32: field number 0 must be a positive integer",
          "b.proto:2:36: field number 1 is already used by \"y\"",
          "b.proto:3:16: first value \"E_A\" of enum \"E\" must be 0 in proto3",
        ])
    }
  }
}
