internal import COpenSSL

/// OpenSSL's thread-local error queue.
///
/// Every OpenSSL call that can fail is preceded by `clear()`, so errors left behind by
/// another connection on the same thread never leak into this one's report, and a
/// failure is reported with `drain()`.
enum OpenSSLErrorQueue {
  /// Forgets errors left by earlier calls on this thread.
  static func clear() {
    ERR_clear_error()
  }

  /// Empties the queue into one line, oldest error first, `"; "` between errors;
  /// `fallback` when the queue was empty.
  static func drain(fallback: String) -> String {
    var lines: [String] = []
    var buffer = [CChar](repeating: 0, count: 256)
    while case let code = ERR_get_error(), code != 0 {
      let line = buffer.withUnsafeMutableBufferPointer { pointer in
        ERR_error_string_n(code, pointer.baseAddress, pointer.count)
        return String(cString: pointer.baseAddress!)
      }
      lines.append(line)
    }
    return lines.isEmpty ? fallback : lines.joined(separator: "; ")
  }

  /// A `TLSError` of `code` whose message is `context`, a colon and the drained queue.
  static func error(_ code: TLSError.Code, _ context: String) -> TLSError {
    TLSError(code: code, message: "\(context): \(drain(fallback: "no OpenSSL error reported"))")
  }
}
