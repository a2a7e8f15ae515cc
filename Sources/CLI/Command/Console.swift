import SluiceCommandSupport
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error, shared by the tasks of a command: warnings, and the progress line
/// kept apart from them by a ``ProgressThrottle``.
final class Console: Sendable {
  private let throttle: Mutex<ProgressThrottle>

  /// A console showing progress in `mode`.
  init(progress mode: ProgressThrottle.Mode) {
    throttle = Mutex(ProgressThrottle(mode: mode, start: .now))
  }

  /// How progress shows by default: live on a terminal, periodic lines elsewhere.
  static func progressMode(quiet: Bool) -> ProgressThrottle.Mode {
    if quiet { return .off }
    return isatty(STDERR_FILENO) == 1 ? .live : .periodic(ProgressThrottle.periodicInterval)
  }

  /// Shows `line` as progress if the throttle says it is time.
  func progress(_ line: String) {
    throttle.withLock { throttle in
      if let text = throttle.update(line, at: .now) { Self.writeError(text) }
    }
  }

  /// Writes the final progress line.
  func finishProgress(_ line: String) {
    throttle.withLock { Self.writeError($0.finish(line)) }
  }

  /// Writes `message` on a line of its own.
  func warn(_ message: String) {
    throttle.withLock { Self.writeError($0.interrupt() + message + "\n") }
  }

  /// Writes `text` to standard error as it is.
  static func writeError(_ text: String) {
    writeAll(STDERR_FILENO, Array(text.utf8))
  }

  /// Writes every byte to `descriptor`, retrying short writes; a closed pipe ends the
  /// process (as SIGPIPE would).
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        exit(errno == EPIPE ? 141 : CommandStatus.failure.rawValue)
      }
      offset += written
    }
  }
}
