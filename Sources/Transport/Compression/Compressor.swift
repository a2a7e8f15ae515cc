internal import CZlib
public import SluiceRuntime

/// Compresses messages with gzip or zlib-wrapped deflate, reusing one zlib
/// stream (and its ~256 KiB of state) for every message: create one per
/// call, or keep a small pool per I/O thread, rather than one per message.
///
/// Not thread-safe; use from one thread at a time.
public final class Compressor {
  /// The output format.
  public let algorithm: CompressionAlgorithm

  private let stream: UnsafeMutablePointer<z_stream>
  private let scratch = ZlibOutputBuffer()
  /// Input was given since the last reset: the next message needs a reset first.
  private var dirty = false

  /// A compressor for `algorithm` at zlib `level` (0...9, or -1 for zlib's default, 6).
  ///
  /// - Throws: ``CompressionError/unsupportedAlgorithm(_:)`` for identity,
  ///   ``CompressionError/zlib(code:)`` if zlib cannot start (bad level, no memory).
  public init(algorithm: CompressionAlgorithm, level: Int32 = -1) throws(CompressionError) {
    guard let windowBits = algorithm.windowBits else { throw .unsupportedAlgorithm(algorithm) }
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let result = csluice_deflateInit2(stream, level, windowBits)
    guard result == Z_OK else {
      stream.deallocate()
      throw .zlib(code: result)
    }
    self.algorithm = algorithm
    self.stream = stream
  }

  deinit {
    deflateEnd(self.stream)
    self.stream.deallocate()
  }

  /// Compresses `input` as one complete stream (a gzip member or a zlib
  /// stream), appending it to `output`.
  public func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
    self.reset()
    self.dirty = true
    try self.deflate(input, flush: Z_FINISH, into: &output)
    self.reset()
  }

  /// Compresses `input` as one complete stream, appending it to `output`.
  public func compress(_ input: [UInt8], into output: inout [UInt8]) throws(CompressionError) {
    try input.withUnsafeBytes { bytes in
      Result { () throws(CompressionError) in try self.compress(bytes, into: &output) }
    }.get()
  }

  /// Streaming: compresses the next chunk of a stream; zlib may hold some of
  /// it back until more input or ``finish(into:)``.
  public func update(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
    self.dirty = true
    try self.deflate(input, flush: Z_NO_FLUSH, into: &output)
  }

  /// Streaming: ends the stream begun by ``update(_:into:)``, appending the
  /// rest of it, and readies the compressor for the next one.
  public func finish(into output: inout [UInt8]) throws(CompressionError) {
    self.dirty = true
    try self.deflate(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: &output)
    self.reset()
  }

  /// Drops any stream in progress; zlib's memory is kept.
  public func reset() {
    guard self.dirty else { return }
    deflateReset(self.stream)
    self.dirty = false
  }

  private func deflate(_ input: UnsafeRawBufferPointer, flush: Int32, into output: inout [UInt8]) throws(CompressionError) {
    var remaining = input
    repeat {
      let chunk = UInt32(clamping: remaining.count)
      self.stream.pointee.next_in = UnsafeMutablePointer(
        mutating: remaining.baseAddress?.assumingMemoryBound(to: UInt8.self)
      )
      self.stream.pointee.avail_in = chunk
      let last = Int(chunk) == remaining.count
      var result: Int32
      repeat {
        let produced: Int
        (result, produced) = self.scratch.run(self.stream) { CZlib.deflate($0, last ? flush : Z_NO_FLUSH) }
        guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
          self.reset()
          throw .zlib(code: result)
        }
        self.scratch.append(produced, to: &output)
      } while self.stream.pointee.avail_out == 0 || (last && flush == Z_FINISH && result != Z_STREAM_END)
      remaining = UnsafeRawBufferPointer(rebasing: remaining[Int(chunk)...])
    } while !remaining.isEmpty
    self.stream.pointee.next_in = nil
  }
}
