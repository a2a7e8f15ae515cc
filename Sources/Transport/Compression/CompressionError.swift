public import SluiceRuntime

/// Why compressing or decompressing a message failed.
public enum CompressionError: Error, Hashable, Sendable {
  /// The algorithm has no codec (identity).
  case unsupportedAlgorithm(CompressionAlgorithm)
  /// Decompressed output would exceed the limit (a decompression bomb, or
  /// simply a message larger than allowed); decoding stopped at the limit.
  case limitExceeded(limit: Int)
  /// The compressed bytes are not valid for the algorithm (bad header,
  /// checksum or deflate data).
  case corruptData
  /// The compressed message ended before its stream did.
  case truncated
  /// Bytes follow the end of a zlib stream ("deflate" has one stream per message).
  case trailingData
  /// zlib failed otherwise (a zlib return code such as `Z_MEM_ERROR`).
  case zlib(code: Int32)
}
