internal import SluiceRuntime
internal import SluiceTransport

/// Plugs the transport's zlib ``Decompressor`` into the protocol state machines for one
/// call's compressed request messages (gzip or deflate).
final class RequestDecompressor: MessageDecompressor {
  private let decompressor: Decompressor

  /// A decompressor for `algorithm`, or nil for identity (nothing to decompress).
  init?(algorithm: CompressionAlgorithm, maxMessageSize: Int) {
    guard algorithm != .identity,
      let decompressor = try? Decompressor(
        algorithm: algorithm, maxDecompressedSize: maxMessageSize)
    else { return nil }
    self.decompressor = decompressor
  }

  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
  {
    var output: [UInt8] = []
    do {
      try decompressor.decompress(input, into: &output)
    } catch .limitExceeded {
      throw .messageTooLarge(size: decompressor.maxDecompressedSize + 1, limit: limit)
    } catch {
      throw .decompressionFailed("\(error)")
    }
    guard output.count <= limit else {
      throw .messageTooLarge(size: output.count, limit: limit)
    }
    return output
  }
}
