import Testing
@testable import SluiceCodegen

private typealias B = SchemaBuilder

@Suite("Swift naming")
struct SwiftNamingTests {
  @Test(arguments: [
    ("event_id", "eventId"), ("id", "id"), ("url_path", "urlPath"), ("URLPath", "urlPath"),
    ("ID", "id"), ("Foo", "foo"), ("_leading", "leading"), ("double__underscore", "doubleUnderscore"),
    ("trailing_", "trailing"), ("field2_value", "field2Value"), ("http2_settings", "http2Settings"),
  ])
  func fieldNamesAreLowerCamelCase(_ name: String, _ expected: String) {
    #expect(SwiftNaming.lowerCamelCase(name) == expected)
  }

  @Test func upperCamelCaseForOneofEnums() {
    #expect(SwiftNaming.oneofEnumName("payload") == "OneOf_Payload")
    #expect(SwiftNaming.oneofEnumName("split_choice") == "OneOf_SplitChoice")
  }

  @Test(arguments: [
    ("default", "`default`"), ("class", "`class`"), ("in", "`in`"), ("Self", "`Self`"), ("await", "`await`"),
    ("eventId", "eventId"), ("type", "type"), ("self_", "self_"),
  ])
  func keywordsAreBackticked(_ name: String, _ expected: String) {
    #expect(SwiftNaming.escaped(name) == expected)
  }

  @Test func membersAvoidGeneratedNamesAndNestedTypes() {
    let message = B.message(
      "p.M",
      fields: [
        B.field("unknown_fields", 1, .scalar(.int32)), B.field("self", 2, .scalar(.int32)),
        B.field("init", 3, .scalar(.int32)), B.field("hash_value", 4, .scalar(.int32)),
        B.field("item", 5, .scalar(.int32)), B.field("type", 6, .scalar(.int32)),
        B.field("Type", 7, .scalar(.int32)), B.field("choice", 8, .scalar(.int32), oneof: 0),
      ],
      oneofs: [B.oneof("Choice", [8])])
    let names = SwiftNaming.memberNames(of: message, nestedTypeNames: ["item"])
    #expect(names.fields[1] == "unknownFields_")
    #expect(names.fields[2] == "self_")
    #expect(names.fields[3] == "init_")
    #expect(names.fields[4] == "hashValue_")
    #expect(names.fields[5] == "item_")
    #expect(names.fields[6] == "type")
    #expect(names.fields[7] == "type_")
    #expect(names.oneofs[0] == "choice")
    #expect(names.fields[8] == "choice_")
  }

  @Test func enumPrefixIsStrippedOnlyWhenEveryValueHasIt() {
    let color = B.enumeration("Color", [B.value("COLOR_UNSPECIFIED", 0), B.value("COLOR_DARK_RED", 1)])
    #expect(SwiftNaming.enumCaseNames(color) == ["unspecified", "darkRed"])
    let mixed = B.enumeration("Color", [B.value("COLOR_UNSPECIFIED", 0), B.value("RED", 1)])
    #expect(SwiftNaming.enumCaseNames(mixed) == ["colorUnspecified", "red"])
    let camel = B.enumeration("HTTPStatus", [B.value("HTTP_STATUS_OK", 0), B.value("HTTPSTATUS_GONE", 1)])
    #expect(SwiftNaming.enumCaseNames(camel) == ["ok", "gone"])
    let noUnderscore = B.enumeration("Color", [B.value("COLORFUL", 0), B.value("COLOR_RED", 1)])
    #expect(SwiftNaming.enumCaseNames(noUnderscore) == ["colorful", "colorRed"])
    let onlyPrefix = B.enumeration("Color", [B.value("COLOR_", 0), B.value("COLOR_RED", 1)])
    #expect(SwiftNaming.enumCaseNames(onlyPrefix) == ["color", "colorRed"])
  }

  @Test func enumCasesAreEscapedPrefixedAndUnique() {
    let values = B.enumeration(
      "Code",
      [
        B.value("CODE_404", 0), B.value("CODE_UNRECOGNIZED", 1), B.value("CODE_RAW_VALUE", 2),
        B.value("CODE_SELF", 3), B.value("CODE_FOO_BAR", 4), B.value("CODE_FOO__BAR", 5), B.value("CODE_kFoo", 6),
      ])
    #expect(
      SwiftNaming.enumCaseNames(values) == [
        "_404", "unrecognized_", "rawValue_", "self_", "fooBar", "fooBar_", "kFoo",
      ])
  }

  @Test func typeNamesFollowPackagePrefixAndNesting() throws {
    let inner = B.message("sluice.v1.Event.Attribute")
    let kind = B.enumeration("sluice.v1.Event.Kind", [B.value("KIND_A", 0)])
    let event = B.message("sluice.v1.Event", messages: [inner], enums: [kind])
    let file = B.file("sluice/v1/event.proto", package: "sluice.v1", messages: [event])
    let plain = B.file("plain.proto", package: "", messages: [B.message("Type"), B.message("Thing")])
    let snake = B.file("s.proto", package: "my_pkg.sub_pkg", messages: [B.message("my_pkg.sub_pkg.Value")])
    let prefixed = B.file(
      "x.proto", package: "a.b", messages: [B.message("a.b.Widget")],
      options: [OptionValue(name: "swift_prefix", value: .string(Array("XY".utf8)), location: B.location())])
    let naming = try SwiftNaming(set: SchemaSet(files: [file, plain, snake, prefixed], requestedFiles: ["plain.proto"]))
    #expect(naming.typeName("sluice.v1.Event") == "Sluice_V1_Event")
    #expect(naming.typeName("sluice.v1.Event.Attribute") == "Sluice_V1_Event.Attribute")
    #expect(naming.typeName("sluice.v1.Event.Kind") == "Sluice_V1_Event.Kind")
    #expect(naming.typeName("Type") == "TypeMessage")
    #expect(naming.typeName("Thing") == "Thing")
    #expect(naming.typeName("my_pkg.sub_pkg.Value") == "MyPkg_SubPkg_Value")
    #expect(naming.typeName("a.b.Widget") == "XYWidget")
    #expect(naming.typeName("google.protobuf.Timestamp") == "google.protobuf.Timestamp")  // not in the set
  }

  @Test func wellKnownTypesGetTheRuntimeNames() throws {
    let naming = try SwiftNaming(set: SchemaSet(files: WellKnownModels.files, requestedFiles: []))
    #expect(naming.typeName("google.protobuf.Timestamp") == "Google_Protobuf_Timestamp")
    #expect(naming.typeName("google.protobuf.NullValue") == "Google_Protobuf_NullValue")
    #expect(naming.typeName("google.protobuf.Int32Value") == "Google_Protobuf_Int32Value")
  }

  @Test func nestedTypesAvoidReservedAndOneofNames() throws {
    let message = B.message(
      "p.M", fields: [B.field("a", 1, .scalar(.int32), oneof: 0)], oneofs: [B.oneof("kind", [1])],
      messages: [B.message("p.M.String"), B.message("p.M.StringMessage"), B.message("p.M.OneOf_Kind")],
      enums: [B.enumeration("p.M.Type", [B.value("T", 0)])])
    let set = SchemaSet(files: [B.file("p.proto", package: "p", messages: [message])], requestedFiles: ["p.proto"])
    let naming = try SwiftNaming(set: set)
    #expect(naming.typeName("p.M.String") == "P_M.StringMessageMessage")
    #expect(naming.typeName("p.M.StringMessage") == "P_M.StringMessage")
    #expect(naming.typeName("p.M.OneOf_Kind") == "P_M.OneOf_KindMessage")
    #expect(naming.typeName("p.M.Type") == "P_M.TypeEnum")
  }

  @Test func clashingTopLevelNamesAreDiagnosed() {
    let first = B.file("a.proto", package: "foo.bar", messages: [B.message("foo.bar.Baz")])
    let second = B.file("b.proto", package: "foo", messages: [B.message("foo.Bar_Baz")])
    let set = SchemaSet(files: [first, second], requestedFiles: ["b.proto"])
    #expect {
      _ = try SwiftNaming(set: set)
    } throws: { error in
      guard let failure = error as? CompilationFailure else { return false }
      return failure.diagnostics.map(\.message) == [
        "Swift type name 'Foo_Bar_Baz' of 'foo.Bar_Baz' is already the name of 'foo.bar.Baz'"
      ]
    }
  }

  @Test func fileNames() {
    #expect(SwiftNaming.fileEnumName("sluice/v1/ingest.proto") == "Sluice_V1_Ingest_ProtoFile")
    #expect(SwiftNaming.fileEnumName("my-dir/ingest_v2.proto") == "MyDir_IngestV2_ProtoFile")
    #expect(SwiftNaming.fileEnumName("2fa/codes.proto") == "_2fa_Codes_ProtoFile")
    let full = GeneratorOptions.FileNaming.fullPath
    let underscores = GeneratorOptions.FileNaming.pathToUnderscores
    #expect(full.outputName(forSchemaFile: "sluice/v1/ingest.proto") == "sluice/v1/ingest.pb.swift")
    #expect(underscores.outputName(forSchemaFile: "sluice/v1/ingest.proto") == "sluice_v1_ingest.pb.swift")
    #expect(underscores.outputName(forSchemaFile: "schema") == "schema.pb.swift")
  }

  @Test func stringLiteralsAreEscaped() {
    #expect(SwiftLiteral.string(#"a"b\c"#) == #""a\"b\\c""#)
    #expect(SwiftLiteral.string("é\n") == #""\u{e9}\n""#)
  }
}
