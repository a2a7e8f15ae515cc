internal import SluiceRuntime

/// One reflection response, the same in both protocol versions.
enum ReflectionAnswer: Sendable, Hashable {
  /// `file_descriptor_response`: encoded `FileDescriptorProto`s, the one asked for first.
  case files([[UInt8]])
  /// `all_extension_numbers_response`.
  case extensionNumbers(baseTypeName: String, numbers: [Int32])
  /// `list_services_response`: full service names.
  case services([String])
  /// `error_response`: a gRPC status code and why.
  case error(StatusCode, String)
}
