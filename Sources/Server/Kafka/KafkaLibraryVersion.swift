internal import CRdKafka
internal import Glibc

/// The librdkafka the process actually runs against: the one the dynamic loader picked,
/// which may differ from the headers Sluice was compiled with (see the README: tests and
/// the local stack put a newer librdkafka first on `LD_LIBRARY_PATH`).
public struct KafkaLibraryVersion: Sendable, Hashable, CustomStringConvertible {
  /// Major version.
  public var major: Int
  /// Minor version.
  public var minor: Int
  /// Revision.
  public var patch: Int
  /// librdkafka's own version text (`rd_kafka_version_str`), such as `2.16.0`.
  public var text: String
  /// The shared-object file the library was loaded from, when the loader can say.
  public var path: String?

  /// Creates a version from its parts.
  public init(major: Int, minor: Int, patch: Int, text: String, path: String?) {
    self.major = major
    self.minor = minor
    self.patch = patch
    self.text = text
    self.path = path
  }

  /// Decodes librdkafka's integer form, `0xMMmmrrxx` (major, minor, revision, pre-release).
  public init(encoded: Int32, text: String, path: String?) {
    let bits = UInt32(bitPattern: encoded)
    self.init(
      major: Int((bits >> 24) & 0xFF), minor: Int((bits >> 16) & 0xFF),
      patch: Int((bits >> 8) & 0xFF), text: text, path: path)
  }

  /// The loaded library's version (`rd_kafka_version`) and file.
  public static var loaded: KafkaLibraryVersion {
    KafkaLibraryVersion(
      encoded: rd_kafka_version(), text: String(cString: rd_kafka_version_str()),
      path: loadedPath())
  }

  /// Whether this version is at least `major.minor.patch`.
  public func isAtLeast(_ major: Int, _ minor: Int, _ patch: Int = 0) -> Bool {
    (self.major, self.minor, self.patch) >= (major, minor, patch)
  }

  public var description: String {
    if let path { return "librdkafka \(text) (\(path))" }
    return "librdkafka \(text)"
  }

  /// Finds the mapped file that holds `rd_kafka_version`'s code in `/proc/self/maps`
  /// (`start-end perms offset device inode path` per line).
  private static func loadedPath() -> String? {
    let function: @convention(c) () -> Int32 = rd_kafka_version
    let address = UInt(bitPattern: unsafeBitCast(function, to: UnsafeRawPointer.self))
    guard let maps = readFile("/proc/self/maps") else { return nil }
    for line in maps.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
      guard fields.count == 6, let dash = fields[0].firstIndex(of: "-"),
        let start = UInt(fields[0][..<dash], radix: 16),
        let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16),
        start <= address, address < end
      else { continue }
      return String(fields[5].drop { $0 == " " })
    }
    return nil
  }

  private static func readFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
