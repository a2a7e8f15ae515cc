internal import SluiceRuntime
internal import SluiceTransport

/// Plugs the transport's zlib ``Decompressor`` into a ``GRPCMessageDeframer`` for
/// compressed responses. A connection keeps one per algorithm and shares it between its
/// calls: they all run on the connection's event loop, and each message is decompressed
/// in one piece.
final class ResponseDecompressor: MessageDecompressor {
  private let decompressor: Decompressor

  /// A decompressor for `algorithm` (gzip or deflate); nil for identity or when zlib
  /// cannot start.
  init?(algorithm: CompressionAlgorithm, maxMessageSize: Int) {
    guard algorithm != .identity,
      let decompressor = try? Decompressor(algorithm: algorithm, maxDecompressedSize: maxMessageSize)
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
    guard output.count <= limit else { throw .messageTooLarge(size: output.count, limit: limit) }
    return output
  }
}

/// Plugs the transport's zlib ``Compressor`` into ``MessageFramer`` for gzip-compressed
/// requests; one per connection, used on its event loop.
final class RequestCompressor: MessageCompressor {
  private let compressor: Compressor

  /// A gzip compressor; nil when zlib cannot start.
  init?() {
    guard let compressor = try? Compressor(algorithm: .gzip) else { return nil }
    self.compressor = compressor
  }

  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
  {
    do {
      try compressor.compress(input, into: &output)
    } catch {
      throw .compressionFailed("\(error)")
    }
  }
}
