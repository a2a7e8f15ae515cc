/// One library's generated code for `Schemas/bench.proto`, as the benchmark drives it.
///
/// Each conformer holds its own message values (built from the shared fixtures) and the
/// reference encodings to decode, so the timed loops touch only that library's API.
/// Every operation returns a small checksum of its result so the optimizer cannot drop it.
protocol CodecUnderTest: Sendable {
  /// Short name printed in reports (`sluice`, `swift-protobuf`).
  static var name: String { get }

  /// Builds the library's values for `event` and `batch`; `eventBytes` and
  /// `batchBytes` are the encodings the decode benchmarks read.
  init(event: EventFixture, batch: BatchFixture, eventBytes: [UInt8], batchBytes: [UInt8]) throws

  /// Encodes the single event.
  func encodeEvent() throws -> Int
  /// Decodes the single event's bytes.
  func decodeEvent() throws -> Int
  /// Encodes the batch.
  func encodeBatch() throws -> Int
  /// Decodes the batch's bytes.
  func decodeBatch() throws -> Int
  /// Runs `kind` `iterations` times and returns the summed checksums (a requirement, so
  /// each conformer gets a loop specialized for it; the default below is the only one).
  func run(_ kind: BenchmarkKind, iterations: Int) throws -> Int

  /// The library's encoding of a fixture (for the equivalence check).
  static func encode(_ event: EventFixture) throws -> [UInt8]
  /// The library's encoding of a fixture (for the equivalence check).
  static func encode(_ batch: BatchFixture) throws -> [UInt8]
  /// Decodes with the library and reads every field back into a fixture.
  static func decodeEvent(_ bytes: [UInt8]) throws -> EventFixture
  /// Decodes with the library and reads every field back into a fixture.
  static func decodeBatch(_ bytes: [UInt8]) throws -> BatchFixture
}

/// The four timed operations.
enum BenchmarkKind: String, CaseIterable, Sendable {
  case eventEncode = "event-encode"
  case eventDecode = "event-decode"
  case batchEncode = "batch-encode"
  case batchDecode = "batch-decode"
}

extension CodecUnderTest {
  @inline(never)
  func run(_ kind: BenchmarkKind, iterations: Int) throws -> Int {
    var sink = 0
    switch kind {
    case .eventEncode: for _ in 0..<iterations { sink &+= try encodeEvent() }
    case .eventDecode: for _ in 0..<iterations { sink &+= try decodeEvent() }
    case .batchEncode: for _ in 0..<iterations { sink &+= try encodeBatch() }
    case .batchDecode: for _ in 0..<iterations { sink &+= try decodeBatch() }
    }
    return sink
  }
}
