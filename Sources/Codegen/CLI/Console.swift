#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error and process exit, without Foundation.
enum Console {
  /// Writes `text` and a line break (unless it ends with one) to standard error.
  static func printError(_ text: String) {
    var line = text.hasSuffix("\n") ? text : text + "\n"
    line.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// The C library's text for an `errno` value.
  static func message(for code: POSIXErrorCode) -> String {
    String(cString: strerror(code.rawValue))
  }

  /// Ends the process with `status`.
  static func terminate(_ status: Int32) -> Never {
    exit(status)
  }
}
