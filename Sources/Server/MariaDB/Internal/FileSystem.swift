internal import Glibc

/// The few POSIX file operations the embedded server needs.
enum FileSystem {
  /// `path` made absolute against the working directory.
  static func absolute(_ path: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return directory == "/" ? "/" + relative : directory + "/" + relative
  }

  /// Creates `path` and its missing parents; true when it exists as a directory afterwards.
  static func makeDirectories(_ path: String) -> Bool {
    var prefix = ""
    for component in path.split(separator: "/") {
      prefix += "/" + component
      if mkdir(prefix, 0o750) != 0 && errno != EEXIST { return false }
    }
    return isDirectory(path)
  }

  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The file's contents as UTF-8, or nil when it cannot be read.
  static func read(_ path: String, limit: Int = 1 << 20) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while bytes.count < limit {
      let count = Glibc.read(descriptor, &chunk, chunk.count)
      guard count > 0 else { break }
      bytes += chunk[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The last `lines` lines of a text file (for error messages).
  static func tail(_ path: String, lines: Int) -> String {
    guard let text = read(path, limit: 16 << 20) else { return "" }
    return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
  }

  /// The lines of a log that report errors (the server's `[ERROR]` lines and the like),
  /// or its last lines when none does.
  static func errorLines(_ path: String, limit: Int = 30) -> String {
    guard let text = read(path, limit: 16 << 20) else { return "" }
    let lines = text.split(separator: "\n")
    let errors = lines.filter { $0.contains("ERROR") || $0.contains("error") || $0.contains("Error") }
    return (errors.isEmpty ? lines.suffix(limit) : errors.prefix(limit)).joined(separator: "\n")
  }

  static func remove(_ path: String) {
    unlink(path)
  }

  static func rename(_ from: String, to: String) -> Bool {
    Glibc.rename(from, to) == 0
  }

  /// The first of `candidates`, then of `name` in each `PATH` directory, that is executable.
  static func findExecutable(_ name: String, candidates: [String]) -> String? {
    let path = getenv("PATH").map { String(cString: $0) } ?? ""
    let searched = candidates + path.split(separator: ":").map { "\($0)/\(name)" }
    return searched.first { access($0, X_OK) == 0 }
  }
}
