import Foundation

/// Progress lines on standard error (the tables go to standard output).
enum Console {
  static func log(_ line: String) {
    FileHandle.standardError.write(Data("ingest-bench: \(line)\n".utf8))
  }
}
