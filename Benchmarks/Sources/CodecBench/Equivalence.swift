/// Checks that every side encodes the same logical value and that each side's bytes
/// decode on every side to that value, so the timings compare equal work.
enum Equivalence {
  /// Returns report lines; throws on the first mismatch.
  static func check(
    _ codecs: [any CodecUnderTest.Type], event: EventFixture, batch: BatchFixture
  ) throws -> [String] {
    var lines: [String] = []
    let encoded = try codecs.map { codec in
      (codec.name, try codec.encode(event), try codec.encode(batch))
    }
    for (encoder, eventBytes, batchBytes) in encoded {
      for decoder in codecs {
        guard try decoder.decodeEvent(eventBytes) == event else {
          throw BenchmarkFailure("\(decoder.name) decodes \(encoder)'s event to a different value")
        }
        guard try decoder.decodeBatch(batchBytes) == batch else {
          throw BenchmarkFailure("\(decoder.name) decodes \(encoder)'s batch to a different value")
        }
      }
      lines.append("\(encoder): event \(eventBytes.count) bytes, batch \(batchBytes.count) bytes")
    }
    if let reference = encoded.first {
      for other in encoded.dropFirst() {
        guard other.1.count == reference.1.count, other.2.count == reference.2.count else {
          throw BenchmarkFailure("\(other.0) and \(reference.0) encode to different sizes")
        }
        let same = other.1 == reference.1 && other.2 == reference.2
        lines.append(
          "\(other.0) vs \(reference.0): same sizes, "
            + (same ? "identical bytes" : "different bytes, same decoded value"))
      }
    }
    lines.append("cross-decoding: every side decodes every side's bytes to the fixture")
    return lines
  }
}
