internal import CZlib
public import SluiceRuntime

/// Decompresses gzip or zlib-wrapped deflate messages, never producing more
/// than `maxDecompressedSize` bytes per message: decoding stops with
/// ``CompressionError/limitExceeded(limit:)`` as soon as output would pass it,
/// so a decompression bomb costs at most the limit in memory. One zlib stream
/// (about 7 KiB plus a 32 KiB window) is reused across messages.
///
/// A gzip message may hold several concatenated members (RFC 1952 §2.2).
/// Not thread-safe; use from one thread at a time.
public final class Decompressor {
  /// The input format.
  public let algorithm: CompressionAlgorithm
  /// The most bytes one message may decompress to.
  public let maxDecompressedSize: Int

  private let stream: UnsafeMutablePointer<z_stream>
  private let scratch = ZlibOutputBuffer()
  /// Where the current message stands.
  private var state = State.idle
  /// Bytes produced for the current message.
  private var produced = 0

  private enum State {
    /// Nothing fed since the last reset.
    case idle
    /// Inside a gzip member or zlib stream.
    case inStream
    /// A member or stream ended exactly at the end of the input so far.
    case streamEnded
    /// An error occurred; only ``reset()`` recovers.
    case failed
  }

  /// A decompressor for `algorithm` with a per-message output limit.
  ///
  /// - Throws: ``CompressionError/unsupportedAlgorithm(_:)`` for identity,
  ///   ``CompressionError/zlib(code:)`` if zlib cannot start.
  public init(algorithm: CompressionAlgorithm, maxDecompressedSize: Int) throws(CompressionError) {
    guard let windowBits = algorithm.windowBits else { throw .unsupportedAlgorithm(algorithm) }
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let result = csluice_inflateInit2(stream, windowBits)
    guard result == Z_OK else {
      stream.deallocate()
      throw .zlib(code: result)
    }
    self.algorithm = algorithm
    self.maxDecompressedSize = maxDecompressedSize
    self.stream = stream
  }

  deinit {
    inflateEnd(self.stream)
    self.stream.deallocate()
  }

  /// Decompresses one complete message, appending it to `output`. On error
  /// `output` is left as it was.
  public func decompress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
    let start = output.count
    self.reset()
    do {
      try self.feed(input, into: &output)
      try self.finish()
    } catch {
      output.removeSubrange(start...)
      self.reset()
      throw error
    }
  }

  /// Decompresses one complete message, appending it to `output`.
  public func decompress(_ input: [UInt8], into output: inout [UInt8]) throws(CompressionError) {
    try input.withUnsafeBytes { bytes in
      Result { () throws(CompressionError) in try self.decompress(bytes, into: &output) }
    }.get()
  }

  /// Streaming: decompresses the next chunk of a message, appending what it
  /// yields to `output`. On error the chunk's output is removed again and
  /// the decompressor needs ``reset()``.
  public func feed(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
    let start = output.count
    do {
      try self.inflate(input, into: &output)
    } catch {
      output.removeSubrange(start...)
      self.state = .failed
      throw error
    }
  }

  /// Streaming: checks the message fed so far is complete, then readies the
  /// decompressor for the next message.
  ///
  /// - Throws: ``CompressionError/truncated`` when the last stream is unfinished
  ///   or nothing was fed.
  public func finish() throws(CompressionError) {
    let complete = self.state == .streamEnded
    self.reset()
    guard complete else { throw .truncated }
  }

  /// Abandons the current message; zlib's memory is kept.
  public func reset() {
    if self.state != .idle {
      inflateReset(self.stream)
    }
    self.state = .idle
    self.produced = 0
  }

  private func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(CompressionError) {
    guard self.state != .failed else { throw .corruptData }
    var remaining = input
    while !remaining.isEmpty {
      if self.state == .streamEnded {
        // Another gzip member follows; a zlib stream stands alone.
        guard self.algorithm == .gzip else { throw .trailingData }
        inflateReset(self.stream)
      }
      self.state = .inStream
      let chunk = UInt32(clamping: remaining.count)
      self.stream.pointee.next_in = UnsafeMutablePointer(
        mutating: remaining.baseAddress?.assumingMemoryBound(to: UInt8.self)
      )
      self.stream.pointee.avail_in = chunk
      var result: Int32
      repeat {
        let produced: Int
        (result, produced) = self.scratch.run(self.stream) { CZlib.inflate($0, Z_NO_FLUSH) }
        // Checked before appending: `output` never grows past the limit.
        guard produced <= self.maxDecompressedSize - self.produced else {
          throw .limitExceeded(limit: self.maxDecompressedSize)
        }
        self.produced += produced
        self.scratch.append(produced, to: &output)
        switch result {
        case Z_OK, Z_BUF_ERROR, Z_STREAM_END:
          break
        case Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR:
          throw .corruptData
        default:
          throw .zlib(code: result)
        }
      } while result != Z_STREAM_END && self.stream.pointee.avail_out == 0
      let consumed = Int(chunk - self.stream.pointee.avail_in)
      remaining = UnsafeRawBufferPointer(rebasing: remaining[consumed...])
      if result == Z_STREAM_END {
        self.state = .streamEnded
      } else if consumed == 0 && self.stream.pointee.avail_out != 0 {
        // No progress with room to spare: zlib wants more input than exists.
        break
      }
    }
    self.stream.pointee.next_in = nil
  }
}
