import Testing

@testable import SluiceCodegen

@Suite struct ParserTests {
  private func parse(_ text: String) -> FileNode {
    let (file, diagnostics, isComplete) = Parser.parse(text, path: "t.proto")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(isComplete)
    return file
  }

  private func errors(_ text: String) -> [String] {
    Parser.parse(text, path: "t.proto").diagnostics.map(\.description)
  }

  @Test func fileLevelStatements() {
    let file = parse(
      """
      syntax = "proto3";
      ;
      package a.b.c;
      import "x.proto";
      import public "y.proto";
      import weak "z.proto";
      option java_package = "com." "example";
      """)
    #expect(file.syntax?.value == "proto3")
    #expect(file.package?.value == "a.b.c")
    #expect(file.imports.map(\.name) == ["x.proto", "y.proto", "z.proto"])
    #expect(file.imports.map(\.kind) == [.plain, .public, .weak])
    #expect(file.options.map(\.name) == ["java_package"])
    #expect(file.options.first?.value == .string(Array("com.example".utf8)))
  }

  @Test func optionValuesOfEveryKind() {
    let file = parse(
      """
      syntax = "proto3";
      option a = IDENT;
      option b = -42;
      option c = 18446744073709551615;
      option d = 9223372036854775807;
      option e = -9223372036854775808;
      option f = 1.5;
      option g = -2.5e3;
      option h = -inf;
      option i = inf;
      option j = 'single' "double";
      option (my.ext) = true;
      option (.my.ext).field.(other.ext) = 1;
      option k = { a: 1 b: { c: "x" } };
      """)
    let values = Dictionary(uniqueKeysWithValues: file.options.map { ($0.name, $0.value) })
    #expect(values["a"] == .identifier("IDENT"))
    #expect(values["b"] == .integer(-42))
    #expect(values["c"] == .unsignedInteger(UInt64.max))
    #expect(values["d"] == .integer(Int64.max))
    #expect(values["e"] == .integer(Int64.min))
    #expect(values["f"] == .float(1.5))
    #expect(values["g"] == .float(-2500))
    #expect(values["h"] == .float(-.infinity))
    #expect(values["i"] == .identifier("inf"))
    #expect(values["j"] == .string(Array("singledouble".utf8)))
    #expect(values["(my.ext)"] == .identifier("true"))
    #expect(values["(.my.ext).field.(other.ext)"] == .integer(1))
    #expect(values["k"] == .aggregate("a: 1 b: { c: \"x\" }"))
  }

  @Test func messageContents() throws {
    let file = parse(
      """
      syntax = "proto3";
      message M {
        option deprecated = true;
        ;
        int32 a = 1;
        optional string b = 2 [json_name = "bee", deprecated = true];
        repeated .pkg.T c = 3 [packed = false];
        map<string, pkg.V> d = 4;
        oneof choice {
          option (x) = 1;
          bytes e = 5;
          Nested f = 6;
        }
        message Nested { message Deeper {} }
        enum E { E_ZERO = 0; }
        reserved 7, 9 to 11, 100 to max;
        reserved "g", "h";
        int32 map = 12;
        map m2 = 13;
      }
      """)
    let m = try #require(file.messages.first)
    #expect(m.name == "M")
    #expect(m.options.map(\.name) == ["deprecated"])
    #expect(m.fields.map(\.name) == ["a", "b", "c", "d", "e", "f", "map", "m2"])
    #expect(m.fields.map(\.number) == [1, 2, 3, 4, 5, 6, 12, 13])
    #expect(m.fields.map { $0.label?.value } == [nil, .optional, .repeated, nil, nil, nil, nil, nil])
    #expect(m.fields[0].type == .scalar(.int32))
    #expect(m.fields[2].type == .named(".pkg.T"))
    guard case .map(let key, let value) = m.fields[3].type else {
      Issue.record("d is not a map")
      return
    }
    #expect(key.value == .scalar(.string))
    #expect(value.value == .named("pkg.V"))
    #expect(m.fields.map(\.oneofIndex) == [nil, nil, nil, nil, 0, 0, nil, nil])
    #expect(m.fields[7].type == .named("map"))
    #expect(m.oneofs.map(\.name) == ["choice"])
    #expect(m.oneofs[0].options.map(\.name) == ["(x)"])
    #expect(m.messages.map(\.name) == ["Nested"])
    #expect(m.messages[0].messages.map(\.name) == ["Deeper"])
    #expect(m.enums.map(\.name) == ["E"])
    #expect(m.reservedRanges.map(\.lowerBound) == [7, 9, 100])
    #expect(m.reservedRanges.map(\.upperBound) == [7, 11, nil])
    #expect(m.reservedNames.map(\.value) == ["g", "h"])
    #expect(m.fields[1].options.map(\.name) == ["json_name", "deprecated"])
  }

  @Test func enumContents() throws {
    let file = parse(
      """
      syntax = "proto3";
      enum E {
        option allow_alias = true;
        E_ZERO = 0;
        E_NEG = -1 [deprecated = true];
        E_HEX = 0x10;
        reserved -5 to -3, 100 to max;
        reserved "E_OLD";
      }
      """)
    let e = try #require(file.enums.first)
    #expect(e.values.map(\.name) == ["E_ZERO", "E_NEG", "E_HEX"])
    #expect(e.values.map(\.number) == [0, -1, 16])
    #expect(e.values[1].options.map(\.name) == ["deprecated"])
    #expect(e.reservedRanges.map(\.lowerBound) == [-5, 100])
    #expect(e.reservedRanges.map(\.upperBound) == [-3, nil])
    #expect(e.reservedNames.map(\.value) == ["E_OLD"])
  }

  @Test func serviceContents() throws {
    let file = parse(
      """
      syntax = "proto3";
      service S {
        option deprecated = true;
        rpc A(Req) returns (Res);
        rpc B(stream Req) returns (Res) {}
        rpc C(Req) returns (stream .p.Res) { option idempotency_level = IDEMPOTENT; ; }
        rpc D(stream Req) returns (stream Res);
        ;
      }
      """)
    let s = try #require(file.services.first)
    #expect(s.methods.map(\.name) == ["A", "B", "C", "D"])
    #expect(s.methods.map(\.input.streaming) == [false, true, false, true])
    #expect(s.methods.map(\.output.streaming) == [false, false, true, true])
    #expect(s.methods.map(\.output.typeName) == ["Res", "Res", ".p.Res", "Res"])
    #expect(s.methods.map(\.hasBody) == [false, true, true, false])
    #expect(s.methods[2].options.map(\.name) == ["idempotency_level"])
  }

  @Test func keywordsAreValidNames() throws {
    let file = parse(
      """
      syntax = "proto3";
      message message { int32 syntax = 1; string optional = 2; repeated int32 repeated = 3; stream stream = 4; }
      message stream {}
      enum enum { syntax = 0; }
      """)
    #expect(file.messages.map(\.name) == ["message", "stream"])
    #expect(file.messages[0].fields.map(\.name) == ["syntax", "optional", "repeated", "stream"])
    #expect(file.enums[0].values.map(\.name) == ["syntax"])
  }

  @Test func recoversAtStatementBoundaries() {
    let diagnostics = errors(
      """
      syntax = "proto3";
      message A {
        int32 x = ;
        int32 y = 2;
        string = 3;
      }
      message B { int32 z 3; }
      enum E { E_ZERO = 0 }
      """)
    #expect(
      diagnostics == [
        #"t.proto:3:13: expected a field number, found ";""#,
        #"t.proto:5:10: expected a field name, found "=""#,
        #"t.proto:7:21: expected "=", found "3""#,
        #"t.proto:8:21: expected ";", found "}""#,
      ])
  }

  @Test func recoveredTreeKeepsGoodDeclarations() {
    let (file, _, isComplete) = Parser.parse(
      "syntax = \"proto3\";\nmessage A { int32 x = ; int32 y = 2; }\nmessage B {}", path: "t.proto")
    #expect(!isComplete)
    #expect(file.messages.map(\.name) == ["A", "B"])
    #expect(file.messages[0].fields.map(\.name) == ["y"])
  }

  @Test func proto3RuleViolationsKeepTheTreeComplete() {
    let (file, diagnostics, isComplete) = Parser.parse(
      "syntax = \"proto3\";\nmessage A { required int32 x = 1 [default = 2]; oneof o { repeated int32 y = 2; } }",
      path: "t.proto")
    #expect(isComplete)
    #expect(diagnostics.count == 3)
    #expect(file.messages[0].fields.map(\.name) == ["x", "y"])
  }

  @Test func foundTokensAreDescribed() {
    #expect(errors("syntax = \"proto3\";\nmessage \"M\" {}") == [#"t.proto:2:9: expected a message name, found string "M""#])
    #expect(errors("syntax = \"proto3\";\nmessage") == ["t.proto:2:8: expected a message name, found end of file"])
  }

  @Test func rejectsOtherSyntaxesQuietly() {
    #expect(errors("syntax = \"proto2\";\nmessage A { required int32 x = 1; }") == [
      #"t.proto:1:10: syntax "proto2" is not supported; only "proto3" is"#
    ])
    #expect(errors("edition = \"2023\";\nmessage A { int32 x = 1; }") == [
      #"t.proto:1:1: editions are not supported; only syntax "proto3" is"#
    ])
  }

  @Test func declarationCommentsFollowProtoc() throws {
    let file = parse(
      """
      // File doc.
      syntax = "proto3";

      // Message doc.
      message M { // Message trailing.
        // Field doc.
        int32 a = 1; // Field trailing.
        /* Oneof doc. */
        oneof o { // Oneof trailing.
          int32 b = 2;
        }
      }

      // Enum doc.
      enum E {
        // Value doc.
        E_ZERO = 0; // Value trailing.
      }

      // Service doc.
      service S {
        // Method doc.
        rpc A(M) returns (M); // Method trailing.
        // Body method doc.
        rpc B(M) returns (M) { // Body method trailing.
        }
      }
      """)
    #expect(file.comments == Comments(leading: "File doc."))
    let m = file.messages[0]
    #expect(m.comments == Comments(leading: "Message doc.", trailing: "Message trailing."))
    #expect(m.fields[0].comments == Comments(leading: "Field doc.", trailing: "Field trailing."))
    #expect(m.oneofs[0].comments == Comments(leading: "Oneof doc.", trailing: "Oneof trailing."))
    #expect(file.enums[0].comments == Comments(leading: "Enum doc."))
    #expect(file.enums[0].values[0].comments == Comments(leading: "Value doc.", trailing: "Value trailing."))
    #expect(file.services[0].comments == Comments(leading: "Service doc."))
    #expect(file.services[0].methods[0].comments == Comments(leading: "Method doc.", trailing: "Method trailing."))
    #expect(file.services[0].methods[1].comments == Comments(leading: "Body method doc.", trailing: "Body method trailing."))
  }
}
