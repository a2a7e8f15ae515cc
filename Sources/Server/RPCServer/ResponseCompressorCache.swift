internal import NIOPosix
internal import SluiceRuntime
internal import SluiceTransport

/// The zlib compressors for response messages on one I/O thread, one per algorithm and
/// level, made when first needed and kept for the thread's life.
///
/// A zlib deflate stream holds about 256 KiB: one per call (or per connection) would cost
/// an allocation burst per compressed call and lots of memory with many connections.
/// Responses are compressed synchronously on their connection's event loop, one at a
/// time, so one compressor per thread serves every call there.
final class ResponseCompressorCache {
  private static let perThread = ThreadSpecificVariable<ResponseCompressorCache>()

  private var compressors: [Key: Compressor] = [:]

  private struct Key: Hashable {
    var algorithm: CompressionAlgorithm
    var level: Int
  }

  /// The current thread's cache.
  static var current: ResponseCompressorCache {
    if let cache = perThread.currentValue { return cache }
    let cache = ResponseCompressorCache()
    perThread.currentValue = cache
    return cache
  }

  /// The compressor for `algorithm` at `level`; nil for identity or when zlib cannot
  /// start (the message then goes out uncompressed).
  func compressor(for algorithm: CompressionAlgorithm, level: Int) -> Compressor? {
    let key = Key(algorithm: algorithm, level: level)
    if let compressor = compressors[key] { return compressor }
    guard let compressor = try? Compressor(algorithm: algorithm, level: Int32(level)) else {
      return nil
    }
    compressors[key] = compressor
    return compressor
  }
}

// Each instance is used only by the thread it belongs to.
extension ResponseCompressorCache: @unchecked Sendable {}
