public import SluiceRuntime

extension Decompressor: MessageDecompressor {
  /// A decompressor for the messages of one call or connection in `algorithm`, each at
  /// most `maxMessageSize` bytes once decompressed; nil for identity (nothing to
  /// decompress) or when zlib cannot start.
  public static func forMessages(_ algorithm: CompressionAlgorithm, maxMessageSize: Int) -> Decompressor? {
    guard algorithm != .identity else { return nil }
    return try? Decompressor(algorithm: algorithm, maxDecompressedSize: maxMessageSize)
  }

  /// Decompresses one whole message for the deframers, refusing output beyond `limit`.
  public func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
  {
    var output: [UInt8] = []
    do {
      try decompress(input, into: &output)
    } catch .limitExceeded {
      throw .messageTooLarge(size: maxDecompressedSize + 1, limit: limit)
    } catch {
      throw .decompressionFailed("\(error)")
    }
    guard output.count <= limit else { throw .messageTooLarge(size: output.count, limit: limit) }
    return output
  }
}
