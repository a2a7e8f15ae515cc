public import SluiceRuntime

extension Compressor: MessageCompressor {
  /// Compresses one whole message for ``MessageFramer`` (one gzip member or zlib stream),
  /// appending it to `output`.
  public func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
  {
    let start = output.count
    do {
      try self.compress(input, into: &output)
    } catch {
      output.removeSubrange(start...)
      throw .compressionFailed("\(self.algorithm): \(error)")
    }
  }
}
