#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import SluiceCodegen

/// The folder generated files go to.
struct OutputFolder {
  /// A file or folder that could not be written.
  struct WriteError: Error, CustomStringConvertible {
    /// The path that failed.
    var path: String
    /// The file system's explanation.
    var reason: String

    var description: String { "cannot write \(path): \(reason)" }
  }

  /// The folder's path; created when missing.
  let path: String

  /// Writes every file below the folder (creating subfolders), leaving files whose
  /// contents are already right untouched so that builds do not recompile them.
  func write(_ files: [GeneratedFile]) throws(WriteError) {
    let manager = FileManager.default
    for file in files {
      let target = path.hasSuffix("/") ? path + file.name : path + "/" + file.name
      let bytes = Data(file.contents.utf8)
      if manager.contents(atPath: target) == bytes { continue }
      do {
        if let slash = target.lastIndex(of: "/"), slash != target.startIndex {
          try manager.createDirectory(atPath: String(target[..<slash]), withIntermediateDirectories: true)
        }
        try bytes.write(to: URL(filePath: target))
      } catch {
        throw WriteError(path: target, reason: Self.reason(error))
      }
    }
  }

  /// The POSIX message behind a file-system error when there is one.
  private static func reason(_ error: any Error) -> String {
    if let cocoa = error as? CocoaError, let posix = cocoa.userInfo["NSUnderlyingError"] as? POSIXError {
      return Console.message(for: posix.code)
    }
    return "\(error)"
  }
}
