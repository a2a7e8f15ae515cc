import Testing

@testable import SluiceCodegen

/// The checked model built from valid schemas.
@Suite struct CheckerModelTests {
  private func file(_ text: String, imports: [String: String] = [:]) throws -> (FileDescriptor, SchemaSet) {
    var sources = imports
    sources["t.proto"] = text
    let set = try compileSources(sources, files: ["t.proto"])
    return (try #require(set.file(named: "t.proto")), set)
  }

  @Test func fields() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      package p.v1;
      message M {
        int32 a = 1;
        optional string b_c = 2;
        repeated int64 ids = 3;
        repeated sint32 unpacked = 4 [packed = false];
        repeated string names = 5;
        repeated M children = 6;
        map<string, M> by_name = 7;
        E kind = 8 [deprecated = true];
        repeated E kinds = 9;
        bytes data = 10 [json_name = "payload"];
        enum E { E_ZERO = 0; }
      }
      """)
    let m = f.messages[0]
    #expect(f.package == "p.v1")
    #expect(m.fullName == "p.v1.M")
    #expect(m.fields.map(\.label) == [.singular, .optional, .repeated, .repeated, .repeated, .repeated, .repeated, .singular, .repeated, .singular])
    #expect(m.fields[5].type == .message("p.v1.M"))
    #expect(m.fields[6].type == .map(key: .string, value: .message("p.v1.M")))
    #expect(m.fields[7].type == .enumeration("p.v1.M.E"))
    #expect(m.fields.map(\.isPacked) == [false, false, true, false, false, false, false, false, true, false])
    #expect(m.fields.map(\.jsonName) == ["a", "bC", "ids", "unpacked", "names", "children", "byName", "kind", "kinds", "payload"])
    #expect(m.fields.map(\.hasExplicitJSONName) == [false, false, false, false, false, false, false, false, false, true])
    #expect(m.fields[7].isDeprecated)
    #expect(m.fields[7].options.map(\.name) == ["deprecated"])
    #expect(m.enums.map(\.fullName) == ["p.v1.M.E"])
  }

  @Test func oneofsRealThenSynthetic() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      message M {
        optional int32 first = 1;
        oneof choice { string a = 2; int32 b = 3; }
        optional string _x = 4;
        int32 X_x = 5;
        oneof _last { int32 c = 6; }
        optional int32 last = 7;
      }
      """)
    let m = f.messages[0]
    #expect(m.oneofs.map(\.name) == ["choice", "_last", "_first", "XX_x", "X_last"])
    #expect(m.oneofs.map(\.isSynthetic) == [false, false, true, true, true])
    #expect(m.oneofs.map(\.fieldNumbers) == [[2, 3], [6], [1], [4], [7]])
    #expect(m.fields.map(\.oneofIndex) == [2, 0, 0, 3, nil, 1, 4])
    #expect(m.fields.map(\.label) == [.optional, .singular, .singular, .optional, .singular, .singular, .optional])
  }

  @Test func reservedRangesAreInclusive() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      message M { reserved 1, 3 to 5, 100 to max; reserved "a"; }
      enum E { E_ZERO = 0; reserved -3 to -1, 10 to max; reserved "E_OLD"; }
      """)
    #expect(f.messages[0].reservedRanges == [ReservedRange(1, 1), ReservedRange(3, 5), ReservedRange(100, 536_870_911)])
    #expect(f.messages[0].reservedNames == ["a"])
    #expect(f.enums[0].reservedRanges == [ReservedRange(-3, -1), ReservedRange(10, Int32.max)])
    #expect(f.enums[0].reservedNames == ["E_OLD"])
  }

  @Test func enumsAndAliases() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      enum Kind {
        option allow_alias = true;
        KIND_UNSPECIFIED = 0;
        KIND_CLICK = 1;
        KIND_TAP = 1 [deprecated = true];
        KIND_NEG = -7;
      }
      """)
    let e = f.enums[0]
    #expect(e.allowAlias)
    #expect(e.values.map(\.name) == ["KIND_UNSPECIFIED", "KIND_CLICK", "KIND_TAP", "KIND_NEG"])
    #expect(e.values.map(\.number) == [0, 1, 1, -7])
    #expect(e.values.map(\.isDeprecated) == [false, false, true, false])
  }

  @Test func services() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      package p;
      import "google/protobuf/empty.proto";
      message Req {}
      service S {
        option deprecated = true;
        rpc Unary(Req) returns (google.protobuf.Empty);
        rpc Client(stream Req) returns (Req);
        rpc Server(.p.Req) returns (stream Req) { option idempotency_level = NO_SIDE_EFFECTS; }
        rpc Bidi(stream p.Req) returns (stream Req) { option idempotency_level = IDEMPOTENT; option deprecated = true; }
      }
      """)
    let s = f.services[0]
    #expect(s.fullName == "p.S")
    #expect(s.isDeprecated)
    #expect(s.methods.map(\.inputType) == ["p.Req", "p.Req", "p.Req", "p.Req"])
    #expect(s.methods.map(\.outputType) == ["google.protobuf.Empty", "p.Req", "p.Req", "p.Req"])
    #expect(s.methods.map(\.clientStreaming) == [false, true, false, true])
    #expect(s.methods.map(\.serverStreaming) == [false, false, true, true])
    #expect(s.methods.map(\.idempotencyLevel) == [.unknown, .unknown, .noSideEffects, .idempotent])
    #expect(s.methods.map(\.isDeprecated) == [false, false, false, true])
  }

  @Test func fileLevelFacts() throws {
    let (f, set) = try file(
      """
      // The file.
      syntax = "proto3";
      import "a.proto";
      import public "b.proto";
      import weak "c.proto";
      option swift_prefix = "X";
      option (custom) = 1;
      """,
      imports: [
        "a.proto": "syntax = \"proto3\";",
        "b.proto": "syntax = \"proto3\";\nimport \"a.proto\";",
        "c.proto": "syntax = \"proto3\";",
      ])
    #expect(f.dependencies == ["a.proto", "b.proto", "c.proto"])
    #expect(f.publicDependencies == [1])
    #expect(f.weakDependencies == [2])
    #expect(f.options.map(\.name) == ["swift_prefix", "(custom)"])
    #expect(f.comments.leading == "The file.")
    #expect(set.files.map(\.name) == ["a.proto", "b.proto", "c.proto", "t.proto"])
    #expect(set.requestedFiles == ["t.proto"])
  }

  @Test func deprecatedFlags() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      message M { option deprecated = true; }
      enum E { option deprecated = true; E_ZERO = 0; }
      message N { option deprecated = false; }
      """)
    #expect(f.messages.map(\.isDeprecated) == [true, false])
    #expect(f.enums[0].isDeprecated)
  }

  @Test func commentsReachTheModel() throws {
    let (f, _) = try file(
      """
      syntax = "proto3";
      // Doc of M.
      message M {
        // Doc of a.
        int32 a = 1; // After a.
        oneof o { // After o.
          int32 b = 2;
        }
      }
      """)
    #expect(f.messages[0].comments.leading == "Doc of M.")
    #expect(f.messages[0].fields[0].comments == Comments(leading: "Doc of a.", trailing: "After a."))
    #expect(f.messages[0].oneofs[0].comments.trailing == "After o.")
  }

  @Test func schemaSetLooksUpNestedTypes() throws {
    let (_, set) = try file(
      """
      syntax = "proto3";
      package p;
      message A { message B { enum C { C_ZERO = 0; } } }
      """)
    #expect(set.message(named: "p.A.B")?.name == "B")
    #expect(set.enumeration(named: "p.A.B.C")?.values.count == 1)
    #expect(set.fileName(declaring: "p.A.B.C") == "t.proto")
  }

  @Test func wellKnownTypesAreBundled() throws {
    let (f, set) = try file(
      """
      syntax = "proto3";
      import "google/protobuf/any.proto";
      import "google/protobuf/duration.proto";
      import "google/protobuf/empty.proto";
      import "google/protobuf/field_mask.proto";
      import "google/protobuf/struct.proto";
      import "google/protobuf/timestamp.proto";
      import "google/protobuf/wrappers.proto";
      import "google/protobuf/api.proto";
      message M {
        google.protobuf.Any a = 1;
        google.protobuf.Duration d = 2;
        google.protobuf.Empty e = 3;
        google.protobuf.FieldMask f = 4;
        google.protobuf.Struct s = 5;
        google.protobuf.Timestamp t = 6;
        google.protobuf.StringValue w = 7;
        google.protobuf.Api api = 8;
        google.protobuf.NullValue n = 9;
      }
      """)
    #expect(f.messages[0].fields[8].type == .enumeration("google.protobuf.NullValue"))
    #expect(set.files.count == 11)
    #expect(set.message(named: "google.protobuf.Struct")?.fields.first?.type == .map(key: .string, value: .message("google.protobuf.Value")))
  }

  @Test(arguments: WellKnownProtos.names)
  func bundledWellKnownFileCompiles(_ name: String) throws {
    let set = try SchemaCompiler(importPaths: []).compile(files: [name], sources: [:])
    #expect(set.file(named: name)?.package == "google.protobuf")
  }

  @Test func unusedImportIsNotAnError() {
    #expect(diagnostics(of: "syntax = \"proto3\";\nimport \"google/protobuf/empty.proto\";\nmessage M {}").isEmpty)
  }

  @Test func locationsPointAtNames() throws {
    let (f, _) = try file("syntax = \"proto3\";\nmessage M {\n  int32 abc = 1;\n}")
    #expect(f.messages[0].location == SourceLocation(file: "t.proto", line: 2, column: 9))
    #expect(f.messages[0].fields[0].location == SourceLocation(file: "t.proto", line: 3, column: 9))
  }
}
