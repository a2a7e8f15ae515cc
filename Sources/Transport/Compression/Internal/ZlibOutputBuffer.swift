internal import CZlib

/// A fixed 32 KiB buffer zlib writes into, from which output is appended to
/// the caller's array: output grows by what zlib actually produced, with no
/// zero-filled over-allocation, and a decompression limit is checked before
/// any byte lands in the caller's array.
final class ZlibOutputBuffer {
  static let size = 32 * 1_024

  private let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: ZlibOutputBuffer.size)

  deinit {
    self.bytes.deallocate()
  }

  /// Points `stream`'s output at the buffer, runs `body` (deflate or inflate)
  /// and returns its result with the number of bytes it wrote.
  func run(
    _ stream: UnsafeMutablePointer<z_stream>,
    _ body: (UnsafeMutablePointer<z_stream>) -> Int32
  ) -> (result: Int32, produced: Int) {
    stream.pointee.next_out = self.bytes
    stream.pointee.avail_out = UInt32(Self.size)
    let result = body(stream)
    let produced = Self.size - Int(stream.pointee.avail_out)
    stream.pointee.next_out = nil
    return (result, produced)
  }

  /// Appends the first `count` bytes of the buffer to `output`.
  func append(_ count: Int, to output: inout [UInt8]) {
    output.append(contentsOf: UnsafeBufferPointer(start: self.bytes, count: count))
  }
}
