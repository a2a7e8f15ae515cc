import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("Compressor and Decompressor")
struct CompressionTests {
  static let codecs: [CompressionAlgorithm] = [.gzip, .deflate]

  @Test("Round trips at several sizes, reusing one compressor and decompressor", arguments: codecs)
  func roundTrips(algorithm: CompressionAlgorithm) throws {
    let compressor = try Compressor(algorithm: algorithm)
    let decompressor = try Decompressor(algorithm: algorithm, maxDecompressedSize: 4 << 20)
    for size in [0, 1, 100, 65_536, 1_000_003] {
      let input = testBytes(count: size, seed: size)
      var compressed: [UInt8] = []
      try compressor.compress(input, into: &compressed)
      var output: [UInt8] = [0xAA]
      try decompressor.decompress(compressed, into: &output)
      #expect(output == [0xAA] + input)
    }
  }

  @Test("The gzip and zlib wrappers are what the names say")
  func formats() throws {
    var gzip: [UInt8] = []
    try Compressor(algorithm: .gzip).compress(Array("hello".utf8), into: &gzip)
    #expect(gzip.prefix(3) == [0x1F, 0x8B, 0x08])
    var zlib: [UInt8] = []
    try Compressor(algorithm: .deflate).compress(Array("hello".utf8), into: &zlib)
    #expect(zlib.first == 0x78)
  }

  @Test("Streaming compression and decompression in small chunks", arguments: codecs)
  func streaming(algorithm: CompressionAlgorithm) throws {
    let input = testBytes(count: 300_000)
    let compressor = try Compressor(algorithm: algorithm, level: 1)
    var compressed: [UInt8] = []
    for chunk in stride(from: 0, to: input.count, by: 7_777) {
      try input[chunk..<min(chunk + 7_777, input.count)].withUnsafeBytes { try compressor.update($0, into: &compressed) }
    }
    try compressor.finish(into: &compressed)

    let decompressor = try Decompressor(algorithm: algorithm, maxDecompressedSize: 1 << 20)
    var output: [UInt8] = []
    for chunk in stride(from: 0, to: compressed.count, by: 333) {
      try compressed[chunk..<min(chunk + 333, compressed.count)].withUnsafeBytes {
        try decompressor.feed($0, into: &output)
      }
    }
    try decompressor.finish()
    #expect(output == input)
  }

  @Test("Concatenated gzip members decompress as one message")
  func concatenatedMembers() throws {
    let compressor = try Compressor(algorithm: .gzip)
    var compressed: [UInt8] = []
    try compressor.compress(Array("first ".utf8), into: &compressed)
    try compressor.compress(Array("second".utf8), into: &compressed)
    var output: [UInt8] = []
    try Decompressor(algorithm: .gzip, maxDecompressedSize: 100).decompress(compressed, into: &output)
    #expect(String(decoding: output, as: UTF8.self) == "first second")
  }

  @Test("A second zlib stream after the first is trailing data")
  func zlibTrailingData() throws {
    let compressor = try Compressor(algorithm: .deflate)
    var compressed: [UInt8] = []
    try compressor.compress([1, 2, 3], into: &compressed)
    try compressor.compress([4, 5, 6], into: &compressed)
    var output: [UInt8] = []
    #expect(throws: CompressionError.trailingData) {
      try Decompressor(algorithm: .deflate, maxDecompressedSize: 100).decompress(compressed, into: &output)
    }
    #expect(output.isEmpty)
  }

  @Test("Corrupt, truncated and empty input fail with typed errors", arguments: codecs)
  func corruptInput(algorithm: CompressionAlgorithm) throws {
    let decompressor = try Decompressor(algorithm: algorithm, maxDecompressedSize: 1 << 20)
    var compressed: [UInt8] = []
    try Compressor(algorithm: algorithm).compress(testBytes(count: 10_000), into: &compressed)
    var output: [UInt8] = []

    var flipped = compressed
    flipped[flipped.count / 2] ^= 0xFF
    #expect(throws: CompressionError.corruptData) { try decompressor.decompress(flipped, into: &output) }
    var badChecksum = compressed
    badChecksum[badChecksum.count - (algorithm == .gzip ? 6 : 2)] ^= 0x01
    #expect(throws: CompressionError.corruptData) { try decompressor.decompress(badChecksum, into: &output) }
    #expect(throws: CompressionError.corruptData) {
      try decompressor.decompress(Array("definitely not compressed".utf8), into: &output)
    }
    #expect(throws: CompressionError.truncated) {
      try decompressor.decompress(Array(compressed.prefix(compressed.count - 3)), into: &output)
    }
    #expect(throws: CompressionError.truncated) { try decompressor.decompress([], into: &output) }
    #expect(output.isEmpty)

    // The decompressor still works after the failures.
    try decompressor.decompress(compressed, into: &output)
    #expect(output == testBytes(count: 10_000))
  }

  @Test("A decompression bomb stops at the limit without allocating the whole output", arguments: codecs)
  func bomb(algorithm: CompressionAlgorithm) throws {
    let compressor = try Compressor(algorithm: algorithm, level: 9)
    var bomb: [UInt8] = []
    try compressor.compress([UInt8](repeating: 0, count: 10_000_000), into: &bomb)
    #expect(bomb.count < 12_000)

    let limit = 4 << 20
    let decompressor = try Decompressor(algorithm: algorithm, maxDecompressedSize: limit)
    var output: [UInt8] = []
    #expect(throws: CompressionError.limitExceeded(limit: limit)) {
      try decompressor.decompress(bomb, into: &output)
    }
    #expect(output.isEmpty)
    #expect(output.capacity < limit + (2 << 20))
  }

  @Test("Output of exactly the limit is allowed")
  func exactlyAtLimit() throws {
    var compressed: [UInt8] = []
    try Compressor(algorithm: .gzip).compress(testBytes(count: 1_000), into: &compressed)
    var output: [UInt8] = []
    try Decompressor(algorithm: .gzip, maxDecompressedSize: 1_000).decompress(compressed, into: &output)
    #expect(output.count == 1_000)
    #expect(throws: CompressionError.limitExceeded(limit: 999)) {
      try Decompressor(algorithm: .gzip, maxDecompressedSize: 999).decompress(compressed, into: &output)
    }
  }

  @Test("identity has no codec")
  func identityUnsupported() {
    #expect(throws: CompressionError.unsupportedAlgorithm(.identity)) { try Compressor(algorithm: .identity) }
    #expect(throws: CompressionError.unsupportedAlgorithm(.identity)) {
      try Decompressor(algorithm: .identity, maxDecompressedSize: 1)
    }
  }
}

@Suite("CompressionAlgorithm names and accept lists")
struct CompressionAlgorithmTests {
  @Test("Names parse case-insensitively with optional whitespace")
  func names() {
    #expect(CompressionAlgorithm(name: "gzip") == .gzip)
    #expect(CompressionAlgorithm(name: " GZip\t") == .gzip)
    #expect(CompressionAlgorithm(name: "deflate") == .deflate)
    #expect(CompressionAlgorithm(name: "identity") == .identity)
    #expect(CompressionAlgorithm(name: "br") == nil)
    #expect(CompressionAlgorithm(name: "") == nil)
    #expect(CompressionAlgorithm.gzip.name == "gzip")
  }

  @Test("grpc-accept-encoding lists keep their order")
  func grpcAcceptList() {
    #expect(CompressionAlgorithm.parseAcceptList("gzip,deflate,identity") == [.gzip, .deflate, .identity])
    #expect(CompressionAlgorithm.parseAcceptList(" identity , snappy,gzip ,") == [.identity, .gzip])
    #expect(CompressionAlgorithm.parseAcceptList("") == [])
    #expect(CompressionAlgorithm.acceptListValue([.gzip, .identity]) == "gzip,identity")
  }

  @Test("Accept-Encoding weights order the list and q=0 excludes")
  func httpAcceptEncoding() {
    #expect(CompressionAlgorithm.parseAcceptList("deflate;q=0.5, gzip;q=1.0, identity;q=0") == [.gzip, .deflate])
    #expect(CompressionAlgorithm.parseAcceptList("br, gzip;q=0.8, *;q=0.1") == [.gzip, .identity, .deflate])
    #expect(CompressionAlgorithm.parseAcceptList("gzip;Q=0.000, deflate") == [.deflate])
    #expect(CompressionAlgorithm.parseAcceptList("gzip;q=2, deflate;q=abc, identity") == [.identity])
    #expect(CompressionAlgorithm.parseAcceptList("gzip, GZIP;q=0") == [.gzip])
  }
}
