import Testing

@testable import SluiceCodegen

/// Type names resolve as in protoc (C++ scoping).
@Suite struct NameResolutionTests {
  private func fieldTypes(_ text: String, imports: [String: String] = [:]) throws -> [String: FieldType] {
    var sources = imports
    sources["t.proto"] = text
    let set = try compileSources(sources, files: ["t.proto"])
    var types: [String: FieldType] = [:]
    func collect(_ message: MessageDescriptor) {
      for field in message.fields { types[message.fullName + "." + field.name] = field.type }
      message.messages.forEach(collect)
    }
    set.file(named: "t.proto")?.messages.forEach(collect)
    return types
  }

  @Test func innermostScopeFirst() throws {
    let types = try fieldTypes(
      """
      syntax = "proto3";
      package a.b;
      message T {}
      message Outer {
        message T {}
        T inner = 1;
        .a.b.T outer = 2;
        b.T via_package = 3;
        a.b.T full = 4;
        message Deeper { T from_deeper = 1; Outer.T qualified = 2; }
      }
      """)
    #expect(types["a.b.Outer.inner"] == .message("a.b.Outer.T"))
    #expect(types["a.b.Outer.outer"] == .message("a.b.T"))
    #expect(types["a.b.Outer.via_package"] == .message("a.b.T"))
    #expect(types["a.b.Outer.full"] == .message("a.b.T"))
    #expect(types["a.b.Outer.Deeper.from_deeper"] == .message("a.b.Outer.T"))
    #expect(types["a.b.Outer.Deeper.qualified"] == .message("a.b.Outer.T"))
  }

  @Test func simpleNamesSkipNonTypes() throws {
    let types = try fieldTypes(
      """
      syntax = "proto3";
      message Foo {}
      message Bar {
        Foo Foo = 1;
      }
      """)
    #expect(types["Bar.Foo"] == .message("Foo"))
  }

  @Test func compoundNamesStopAtFirstAggregateMatch() {
    #expect(
      diagnostics(
        of: """
          syntax = "proto3";
          message Bar { message Baz {} }
          message Foo { message Bar {} Bar.Baz x = 1; }
          """) == [
          #"t.proto:3:30: "Bar.Baz" resolves to "Foo.Bar.Baz", which is not defined (the innermost scope is searched first; write ".Bar.Baz" to start from the outermost scope)"#
        ])
  }

  @Test func packagesFromOtherFiles() throws {
    let types = try fieldTypes(
      """
      syntax = "proto3";
      package x.y;
      import "other.proto";
      message M { z.Other a = 1; x.z.Other b = 2; .x.z.Other c = 3; }
      """,
      imports: ["other.proto": "syntax = \"proto3\";\npackage x.z;\nmessage Other {}"])
    #expect(types["x.y.M.a"] == .message("x.z.Other"))
    #expect(types["x.y.M.b"] == .message("x.z.Other"))
    #expect(types["x.y.M.c"] == .message("x.z.Other"))
  }

  @Test func publicImportsAreTransitive() throws {
    let types = try fieldTypes(
      """
      syntax = "proto3";
      import "middle.proto";
      message M { Deep d = 1; Middle m = 2; }
      """,
      imports: [
        "middle.proto": "syntax = \"proto3\";\nimport public \"deep.proto\";\nmessage Middle {}",
        "deep.proto": "syntax = \"proto3\";\nmessage Deep {}",
      ])
    #expect(types["M.d"] == .message("Deep"))
  }

  @Test func plainImportsAreNotTransitive() {
    #expect(
      diagnostics(
        of: "syntax = \"proto3\";\nimport \"middle.proto\";\nmessage M { Deep d = 1; }",
        imports: [
          "middle.proto": "syntax = \"proto3\";\nimport \"deep.proto\";\nmessage Middle { Deep d = 1; }",
          "deep.proto": "syntax = \"proto3\";\nmessage Deep {}",
        ]) == [
          #"t.proto:3:13: "Deep" is defined in "deep.proto", which is not imported here; add 'import "deep.proto";'"#
        ])
  }

  @Test func enumValuesAreSiblingsOfTheirEnum() throws {
    #expect(
      diagnostics(
        of: "syntax = \"proto3\";\nenum A { X = 0; }\nenum B { X = 0; }") == [
          #"t.proto:3:10: "X" is already defined (enum values are siblings of their enum, not members of it)"#
        ])
  }

  @Test func methodTypesResolveFromTheServiceScope() throws {
    let set = try compileSources([
      "t.proto": """
        syntax = "proto3";
        package p;
        message Req {}
        service S { rpc Call(Req) returns (p.Req); }
        """
    ])
    #expect(set.files[0].services[0].methods[0].inputType == "p.Req")
  }
}
