/// One reflection request, the same in both protocol versions.
enum ReflectionQuery: Sendable, Hashable {
  /// `file_by_filename`.
  case fileByFilename(String)
  /// `file_containing_symbol`.
  case fileContainingSymbol(String)
  /// `file_containing_extension`.
  case fileContainingExtension(messageType: String, number: Int32)
  /// `all_extension_numbers_of_type`.
  case allExtensionNumbersOfType(String)
  /// `list_services`.
  case listServices
  /// A request with none of the above set.
  case empty
}
