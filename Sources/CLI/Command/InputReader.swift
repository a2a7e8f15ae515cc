import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file, or standard input for `-`, in chunks, off the concurrency pool (a read
/// from a terminal or a slow pipe may block for long). ``abandon()`` ends a read that is
/// waiting, so an interrupted command need not wait for more input.
final class InputReader: Sendable {
  /// Bytes asked for per read.
  static let chunkSize = 256 * 1024

  /// The path given (`-` for standard input).
  let path: String
  private let descriptor: Int32
  private let queue: DispatchQueue
  private let state = Mutex(State())

  private struct State {
    var waiting: CheckedContinuation<[UInt8]?, any Error>?
    var isAbandoned = false
  }

  /// A read failing, with the system's reason.
  struct ReadError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
  }

  /// Opens `path`; throws ``ReadError`` when it cannot.
  init(path: String) throws(ReadError) {
    self.path = path
    if path == "-" {
      descriptor = STDIN_FILENO
    } else {
      let opened = open(path, O_RDONLY | O_CLOEXEC)
      guard opened >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
      descriptor = opened
    }
    queue = DispatchQueue(label: "sluice.input")
  }

  deinit {
    if descriptor != STDIN_FILENO { close(descriptor) }
  }

  /// The next chunk, or nil at the end of the input or once abandoned.
  func next() async throws -> [UInt8]? {
    try await withCheckedThrowingContinuation { continuation in
      let proceed = state.withLock { state in
        guard !state.isAbandoned else { return false }
        state.waiting = continuation
        return true
      }
      guard proceed else {
        continuation.resume(returning: nil)
        return
      }
      queue.async { [self] in
        let result = readChunk()
        let waiting = state.withLock { state in
          defer { state.waiting = nil }
          return state.waiting
        }
        waiting?.resume(with: result)
      }
    }
  }

  /// Ends a waiting read (it returns nil) and every later one.
  func abandon() {
    let waiting = state.withLock { state in
      state.isAbandoned = true
      defer { state.waiting = nil }
      return state.waiting
    }
    waiting?.resume(returning: nil)
  }

  private func readChunk() -> Result<[UInt8]?, any Error> {
    var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.removeSubrange(count...)
        return .success(buffer)
      }
      if count == 0 { return .success(nil) }
      if errno == EINTR { continue }
      return .failure(ReadError(path: path, reason: String(cString: strerror(errno))))
    }
  }
}
