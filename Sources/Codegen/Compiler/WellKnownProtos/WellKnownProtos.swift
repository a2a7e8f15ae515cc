/// The proto3 well-known type files of protobuf (`google/protobuf/*.proto`), bundled
/// so schemas can import them without protoc's include folder. `descriptor.proto` is
/// not bundled: it is a proto2 file, which this compiler does not accept.
enum WellKnownProtos {
  /// Import names of the bundled files.
  static let names: [String] = [
    "google/protobuf/any.proto",
    "google/protobuf/api.proto",
    "google/protobuf/duration.proto",
    "google/protobuf/empty.proto",
    "google/protobuf/field_mask.proto",
    "google/protobuf/source_context.proto",
    "google/protobuf/struct.proto",
    "google/protobuf/timestamp.proto",
    "google/protobuf/type.proto",
    "google/protobuf/wrappers.proto",
  ]

  /// The text of the bundled file imported as `name`, or nil.
  static func source(named name: String) -> String? {
    switch name {
    case "google/protobuf/any.proto": return anyProto
    case "google/protobuf/api.proto": return apiProto
    case "google/protobuf/duration.proto": return durationProto
    case "google/protobuf/empty.proto": return emptyProto
    case "google/protobuf/field_mask.proto": return fieldMaskProto
    case "google/protobuf/source_context.proto": return sourceContextProto
    case "google/protobuf/struct.proto": return structProto
    case "google/protobuf/timestamp.proto": return timestampProto
    case "google/protobuf/type.proto": return typeProto
    case "google/protobuf/wrappers.proto": return wrappersProto
    default: return nil
    }
  }
}
