/// The `google/protobuf` files whose types the runtime declares by hand.
enum WellKnownFiles {
  /// Schema file names whose types are `SluiceRuntime` types (never generated).
  static let runtimeProvided: Set<String> = [
    "google/protobuf/any.proto",
    "google/protobuf/duration.proto",
    "google/protobuf/empty.proto",
    "google/protobuf/field_mask.proto",
    "google/protobuf/struct.proto",
    "google/protobuf/timestamp.proto",
    "google/protobuf/wrappers.proto",
  ]

  /// Whether the file's types come from the runtime.
  static func isRuntimeProvided(_ fileName: String) -> Bool { runtimeProvided.contains(fileName) }
}
