/// Why a metadata key or value was rejected.
public enum MetadataError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The key is empty or has characters other than ASCII letters, digits, `-`, `_`, `.`.
  case invalidKey(String)
  /// The string value has characters outside printable ASCII, or a leading or trailing
  /// space.
  case invalidValue(key: String)
  /// A binary value under a key without the `-bin` suffix, or a string value under one
  /// with it.
  case valueKindMismatch(key: String)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .invalidKey(let key): "invalid metadata key \"\(key)\""
    case .invalidValue(let key): "invalid string value for metadata key \"\(key)\""
    case .valueKindMismatch(let key):
      "metadata key \"\(key)\" needs a \(isBinary(key) ? "binary" : "string") value"
    }
  }

  private func isBinary(_ key: String) -> Bool { Metadata.isBinaryKey(key) }
}
