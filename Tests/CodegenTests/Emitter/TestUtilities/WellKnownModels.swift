@testable import SluiceCodegen

/// Hand-built models of the well-known type files (names and shapes only), for tests
/// that import them without the parser.
enum WellKnownModels {
  private typealias B = SchemaBuilder

  static let files: [FileDescriptor] = [
    B.file("google/protobuf/timestamp.proto", package: "google.protobuf", messages: [timeLike("Timestamp")]),
    B.file("google/protobuf/duration.proto", package: "google.protobuf", messages: [timeLike("Duration")]),
    B.file(
      "google/protobuf/any.proto", package: "google.protobuf",
      messages: [
        B.message(
          "google.protobuf.Any",
          fields: [B.field("type_url", 1, .scalar(.string)), B.field("value", 2, .scalar(.bytes))])
      ]),
    B.file(
      "google/protobuf/struct.proto", package: "google.protobuf",
      messages: [
        B.message(
          "google.protobuf.Struct",
          fields: [
            B.field("fields", 1, .map(key: .string, value: .message("google.protobuf.Value")), label: .repeated)
          ]),
        B.message(
          "google.protobuf.Value",
          fields: [
            B.field("null_value", 1, .enumeration("google.protobuf.NullValue"), oneof: 0),
            B.field("number_value", 2, .scalar(.double), oneof: 0),
            B.field("string_value", 3, .scalar(.string), oneof: 0),
            B.field("bool_value", 4, .scalar(.bool), oneof: 0),
            B.field("struct_value", 5, .message("google.protobuf.Struct"), oneof: 0),
            B.field("list_value", 6, .message("google.protobuf.ListValue"), oneof: 0),
          ],
          oneofs: [B.oneof("kind", [1, 2, 3, 4, 5, 6])]),
        B.message(
          "google.protobuf.ListValue",
          fields: [B.field("values", 1, .message("google.protobuf.Value"), label: .repeated)]),
      ],
      enums: [B.enumeration("google.protobuf.NullValue", [B.value("NULL_VALUE", 0)])]),
    B.file(
      "google/protobuf/wrappers.proto", package: "google.protobuf",
      messages: [B.message("google.protobuf.Int32Value", fields: [B.field("value", 1, .scalar(.int32))])]),
    B.file(
      "google/protobuf/field_mask.proto", package: "google.protobuf",
      messages: [
        B.message("google.protobuf.FieldMask", fields: [B.field("paths", 1, .scalar(.string), label: .repeated)])
      ]),
    B.file("google/protobuf/empty.proto", package: "google.protobuf", messages: [B.message("google.protobuf.Empty")]),
  ]

  private static func timeLike(_ name: String) -> MessageDescriptor {
    B.message(
      "google.protobuf.\(name)",
      fields: [B.field("seconds", 1, .scalar(.int64)), B.field("nanos", 2, .scalar(.int32))])
  }
}
