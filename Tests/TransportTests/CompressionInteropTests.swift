import Foundation
import SluiceRuntime
import Testing

@testable import SluiceTransport

/// Interop with Python's gzip and zlib modules through committed fixtures
/// (Fixtures/Compression, made by compression_fixtures.py) and, the other
/// way, by running that script to check our output.
@Suite("Compression interop with Python")
struct CompressionInteropTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Compression")

  /// The plaintext of every fixture (`fixture_input()` in the script).
  static let plaintext: [UInt8] = (0..<2_000).flatMap { Array("line \($0): the quick brown fox jumps over the lazy dog\n".utf8) }

  @Test(
    "Python-compressed fixtures decompress to the plaintext",
    arguments: [
      ("python-gzip.bin", CompressionAlgorithm.gzip),
      ("python-gzip-two-members.bin", .gzip),
      ("python-zlib.bin", .deflate),
    ]
  )
  func pythonToSluice(file: String, algorithm: CompressionAlgorithm) throws {
    let compressed = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
    var output: [UInt8] = []
    try Decompressor(algorithm: algorithm, maxDecompressedSize: 1 << 20).decompress(compressed, into: &output)
    #expect(output == Self.plaintext)
  }

  @Test("Sluice-compressed output decompresses with Python", arguments: [CompressionAlgorithm.gzip, .deflate])
  func sluiceToPython(algorithm: CompressionAlgorithm) throws {
    var compressed: [UInt8] = []
    try Compressor(algorithm: algorithm).compress(Self.plaintext, into: &compressed)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-\(algorithm.name)-\(UUID().uuidString).bin")
    try Data(compressed).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.fixtures.appendingPathComponent("compression_fixtures.py").path,
      "verify", algorithm.name, file.path,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}
