// Golden snippets: each test builds a small schema model by hand (no parser involved),
// emits its types and compares the text with `Fixtures/Emitter/<name>.swift`.
//
// Re-bless after an intended change of the generated code:
//   SLUICE_BLESS=1 swift test --filter CodegenTests
// rewrites every golden file (snippets here and in `EnumSnippetTests`, whole files in
// `ReferenceTests`) with the current output; review the result with `git diff`.
import Testing
@testable import SluiceCodegen

private typealias B = SchemaBuilder

@Suite("Message snippets")
struct MessageSnippetTests {
  // Computed so that each use gets fresh locations, in the order the test writes them.
  private static var color: EnumDescriptor {
    B.enumeration("sluice.test.Color", [B.value("COLOR_UNSPECIFIED", 0), B.value("COLOR_RED", 1)])
  }
  private static var item: MessageDescriptor {
    B.message("sluice.test.Item", fields: [B.field("name", 1, .scalar(.string))])
  }

  private func check(_ messages: [MessageDescriptor], enums: [EnumDescriptor] = [], golden: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let file = B.file("sluice/test/\(golden).proto", package: "sluice.test", messages: messages, enums: enums)
    Golden.check(try Snippet.render(file), golden: "Emitter/\(golden).swift", sourceLocation: sourceLocation)
  }

  @Test func scalarFieldsOfEveryType() throws {
    let fields = ScalarType.allCases.enumerated().map { index, scalar in
      B.field("\(scalar.rawValue)_value", Int32(index + 1), .scalar(scalar))
    }
    let wide = [
      B.field("two_byte_tag", 16, .scalar(.int32)),
      B.field("max_number", 536_870_911, .scalar(.string)),
    ]
    try check([B.message("sluice.test.Scalars", fields: fields + wide)], golden: "scalars")
  }

  @Test func optionalFields() throws {
    let kinds: [(String, FieldType)] = [
      ("count", .scalar(.int32)), ("label", .scalar(.string)), ("ratio", .scalar(.double)),
      ("flag", .scalar(.bool)), ("raw", .scalar(.bytes)), ("stamp", .scalar(.fixed64)),
      ("color", .enumeration("sluice.test.Color")),
    ]
    let fields = kinds.enumerated().map { index, kind in
      B.field(kind.0, Int32(index + 1), kind.1, label: .optional, oneof: index)
    }
    let oneofs = kinds.enumerated().map { index, kind in B.oneof("_" + kind.0, [Int32(index + 1)], synthetic: true) }
    try check([B.message("sluice.test.Optionals", fields: fields, oneofs: oneofs)], enums: [Self.color], golden: "optional")
  }

  @Test func repeatedPackedAndUnpacked() throws {
    let fields = [
      B.field("ints", 1, .scalar(.int32), label: .repeated),
      B.field("zigzags", 2, .scalar(.sint64), label: .repeated),
      B.field("fixeds", 3, .scalar(.fixed32), label: .repeated),
      B.field("doubles", 4, .scalar(.double), label: .repeated),
      B.field("flags", 5, .scalar(.bool), label: .repeated),
      B.field("colors", 6, .enumeration("sluice.test.Color"), label: .repeated),
      B.field("loose_ints", 7, .scalar(.int64), label: .repeated, packed: false),
      B.field("loose_fixeds", 8, .scalar(.fixed64), label: .repeated, packed: false),
      B.field("loose_colors", 9, .enumeration("sluice.test.Color"), label: .repeated, packed: false),
      B.field("names", 10, .scalar(.string), label: .repeated),
      B.field("blobs", 11, .scalar(.bytes), label: .repeated),
      B.field("items", 12, .message("sluice.test.Item"), label: .repeated),
    ]
    try check([Self.item, B.message("sluice.test.Repeated", fields: fields)], enums: [Self.color], golden: "repeated")
  }

  @Test func maps() throws {
    let fields = [
      B.field("labels", 1, .map(key: .string, value: .scalar(.string)), label: .repeated),
      B.field("counts", 2, .map(key: .int32, value: .scalar(.int64)), label: .repeated),
      B.field("flags", 3, .map(key: .uint64, value: .scalar(.bool)), label: .repeated),
      B.field("colors", 4, .map(key: .sint32, value: .enumeration("sluice.test.Color")), label: .repeated),
      B.field("blobs", 5, .map(key: .fixed32, value: .scalar(.bytes)), label: .repeated),
      B.field("items", 6, .map(key: .bool, value: .message("sluice.test.Item")), label: .repeated),
      B.field("ratios", 7, .map(key: .sfixed64, value: .scalar(.double)), label: .repeated),
      B.field("fixed_pairs", 8, .map(key: .fixed64, value: .scalar(.sfixed32)), label: .repeated),
      B.field("by_id", 9, .map(key: .uint32, value: .message("sluice.test.Item")), label: .repeated),
    ]
    try check([Self.item, B.message("sluice.test.Maps", fields: fields)], enums: [Self.color], golden: "maps")
  }

  @Test func oneofs() throws {
    let fields = [
      B.field("name", 1, .scalar(.string)),
      B.field("number", 2, .scalar(.int32), oneof: 0),
      B.field("text", 3, .scalar(.string), oneof: 0),
      B.field("color", 4, .enumeration("sluice.test.Color"), oneof: 0),
      B.field("item", 5, .message("sluice.test.Item"), oneof: 0),
      B.field("raw", 6, .scalar(.bytes), oneof: 0),
      B.field("ratio", 7, .scalar(.float), oneof: 0),
      B.field("first", 8, .scalar(.bool), oneof: 1),
      B.field("middle", 9, .scalar(.int32)),
      B.field("last", 10, .scalar(.sint32), oneof: 1),
    ]
    let oneofs = [B.oneof("value", [2, 3, 4, 5, 6, 7]), B.oneof("split_choice", [8, 10])]
    try check([Self.item, B.message("sluice.test.Oneofs", fields: fields, oneofs: oneofs)], enums: [Self.color], golden: "oneof")
  }

  @Test func nestedTypesToDepthThree() throws {
    let level = B.enumeration(
      "sluice.test.Outer.Middle.Inner.Level", [B.value("LEVEL_LOW", 0), B.value("LEVEL_HIGH", 1)])
    let inner = B.message(
      "sluice.test.Outer.Middle.Inner", fields: [B.field("level", 1, .enumeration("sluice.test.Outer.Middle.Inner.Level"))],
      enums: [level])
    let middle = B.message(
      "sluice.test.Outer.Middle", fields: [B.field("inner", 1, .message("sluice.test.Outer.Middle.Inner"))],
      messages: [inner])
    let reserved = B.message("sluice.test.Outer.String", fields: [B.field("text", 1, .scalar(.string))])
    let type = B.enumeration("sluice.test.Outer.Type", [B.value("TYPE_NONE", 0)])
    let outer = B.message(
      "sluice.test.Outer",
      fields: [
        B.field("middle", 1, .message("sluice.test.Outer.Middle")),
        B.field("inner", 2, .message("sluice.test.Outer.Middle.Inner")),
        B.field("level", 3, .enumeration("sluice.test.Outer.Middle.Inner.Level")),
        B.field("name", 4, .scalar(.string)),
        B.field("reserved", 5, .message("sluice.test.Outer.String")),
        B.field("type", 6, .enumeration("sluice.test.Outer.Type")),
      ],
      messages: [middle, reserved], enums: [type])
    try check([outer], golden: "nested")
  }

  @Test func recursionBoxing() throws {
    let node = B.message(
      "sluice.test.Node",
      fields: [
        B.field("parent", 1, .message("sluice.test.Node")),
        B.field("children", 2, .message("sluice.test.Node"), label: .repeated),
        B.field("by_name", 3, .map(key: .string, value: .message("sluice.test.Node")), label: .repeated),
        B.field("next", 4, .message("sluice.test.Node"), oneof: 0),
        B.field("leaf", 5, .message("sluice.test.Leaf"), oneof: 0),
        B.field("previous", 6, .message("sluice.test.Node"), label: .optional, oneof: 1),
      ],
      oneofs: [B.oneof("link", [4, 5]), B.oneof("_previous", [6], synthetic: true)])
    let leaf = B.message("sluice.test.Leaf", fields: [B.field("value", 1, .scalar(.string))])
    let ping = B.message("sluice.test.Ping", fields: [B.field("pong", 1, .message("sluice.test.Pong"))])
    let pong = B.message(
      "sluice.test.Pong", fields: [B.field("ping", 1, .message("sluice.test.Ping"), oneof: 0)],
      oneofs: [B.oneof("back", [1])])
    let holder = B.message("sluice.test.Holder", fields: [B.field("ping", 1, .message("sluice.test.Ping"))])
    try check([node, leaf, ping, pong, holder], golden: "recursion")
  }

  @Test func keywordNamedFields() throws {
    let names = [
      "default", "class", "self", "type", "in", "unknown_fields", "init", "hash_value",
      "description", "serialized_size", "_leading", "URLPath", "is", "protocol", "Type",
    ]
    let fields = names.enumerated().map { index, name in B.field(name, Int32(index + 1), .scalar(.int32)) }
    let nested = B.message("sluice.test.Keywords.item")
    let clash = B.field("item", 16, .message("sluice.test.Keywords.item"))
    try check([B.message("sluice.test.Keywords", fields: fields + [clash], messages: [nested])], golden: "keywords")
  }

  @Test func deprecatedDeclarations() throws {
    let status = B.enumeration(
      "sluice.test.Status", [B.value("STATUS_OK", 0), B.value("STATUS_OLD", 1, deprecated: true)], deprecated: true)
    let message = B.message(
      "sluice.test.Legacy",
      fields: [
        B.field("old_name", 1, .scalar(.string), deprecated: true),
        B.field("old_item", 2, .message("sluice.test.Item"), deprecated: true),
        B.field("old_tags", 3, .scalar(.string), label: .repeated, deprecated: true),
        B.field("old_map", 4, .map(key: .string, value: .scalar(.int32)), label: .repeated, deprecated: true),
        B.field("old_count", 5, .scalar(.int32), label: .optional, oneof: 1, deprecated: true),
        B.field("old_choice", 6, .scalar(.string), oneof: 0, deprecated: true),
        B.field("new_choice", 7, .scalar(.string), oneof: 0),
        B.field("status", 8, .enumeration("sluice.test.Status")),
        B.field("self", 9, .scalar(.bool), deprecated: true),
      ],
      oneofs: [B.oneof("choice", [6, 7]), B.oneof("_old_count", [5], synthetic: true)], deprecated: true)
    try check([Self.item, message], enums: [status], golden: "deprecated")
  }

  @Test func docCommentsFromSchemaComments() throws {
    let color = B.enumeration(
      "sluice.test.Shade",
      [
        B.value("SHADE_UNSPECIFIED", 0, comments: Comments(leading: " No shade.")),
        B.value("SHADE_DARK", 1, comments: Comments(trailing: " Very dark.")),
      ],
      comments: Comments(leading: " How dark it is."))
    let message = B.message(
      "sluice.test.Commented",
      fields: [
        B.field("id", 1, .scalar(.string), comments: Comments(leading: " The id.\n\n Unique per source.  ")),
        B.field("count", 2, .scalar(.int64), comments: Comments(trailing: " How many.")),
        B.field("both", 3, .scalar(.bool), comments: Comments(leading: " Leading.", trailing: " Trailing.")),
        B.field("text", 4, .scalar(.string), oneof: 0, comments: Comments(leading: " As text.")),
        B.field("plain", 5, .scalar(.int32)),
      ],
      oneofs: [B.oneof("body", [4], comments: Comments(leading: " The body.\n   Indented line."))],
      comments: Comments(leading: "A message.\nSecond line without a space."))
    try check([message], enums: [color], golden: "comments")
  }

  @Test func wellKnownTypesAreRuntimeTypes() throws {
    let wkt = WellKnownModels.files
    let fields = [
      B.field("created", 1, .message("google.protobuf.Timestamp")),
      B.field("timeout", 2, .message("google.protobuf.Duration")),
      B.field("detail", 3, .message("google.protobuf.Any")),
      B.field("attributes", 4, .message("google.protobuf.Struct")),
      B.field("value", 5, .message("google.protobuf.Value")),
      B.field("values", 6, .message("google.protobuf.Value"), label: .repeated),
      B.field("value_map", 7, .map(key: .string, value: .message("google.protobuf.Value")), label: .repeated),
      B.field("nothing", 8, .enumeration("google.protobuf.NullValue")),
      B.field("maybe_count", 9, .message("google.protobuf.Int32Value")),
      B.field("mask", 10, .message("google.protobuf.FieldMask")),
      B.field("empty", 11, .message("google.protobuf.Empty")),
      B.field("null_choice", 12, .enumeration("google.protobuf.NullValue"), oneof: 0),
      B.field("value_choice", 13, .message("google.protobuf.Value"), oneof: 0),
      B.field("nulls", 14, .enumeration("google.protobuf.NullValue"), label: .repeated),
    ]
    let message = B.message("sluice.test.WellKnown", fields: fields, oneofs: [B.oneof("choice", [12, 13])])
    let file = B.file(
      "sluice/test/wellknown.proto", package: "sluice.test", messages: [message],
      dependencies: wkt.map(\.name))
    Golden.check(try Snippet.render(file, imports: wkt), golden: "Emitter/wellknown.swift")
  }
}
