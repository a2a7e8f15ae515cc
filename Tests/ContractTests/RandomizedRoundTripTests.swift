import SluiceRuntime
import Testing

/// Randomized properties of the generated codec over the contract corpus: mutated
/// encodings only ever fail with a typed error, and whatever decodes re-encodes to a
/// value that decodes back to itself, in binary and in JSON.
@Suite struct RandomizedRoundTripTests {
  /// A small, seeded generator, so a failure reproduces.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func mutatedGoldenEncodingsRoundTrip() throws {
    var random = SplitMix64(state: 0x5EED_2026)
    var decoded = 0
    for golden in try ContractFixtures.goldenCases() {
      guard let type = ContractFixtures.messageTypes[golden.readAs] else { continue }
      let bytes = try ContractFixtures.bytes("Golden/\(golden.name).binpb")
      for _ in 0..<40 {
        let mutated = Self.mutate(bytes, using: &random)
        if Self.roundTrips(type, mutated, case: golden.name) { decoded += 1 }
      }
    }
    // Many mutations hit unknown fields or values and still decode: the property ran.
    #expect(decoded > 500)
  }

  /// Flips bits, drops, duplicates or truncates a few bytes.
  static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
    var out = bytes
    for _ in 0...Int.random(in: 0...2, using: &random) where !out.isEmpty {
      let i = Int.random(in: 0..<out.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: out[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
      case 1: out.remove(at: i)
      case 2: out.insert(out[i], at: i)
      default: out.removeSubrange(i...)
      }
    }
    return out
  }

  /// Decodes `bytes` as `M`; when that succeeds, checks the binary and JSON round trips.
  /// Returns whether it decoded. Decoding may only fail with `ProtoDecodingError`
  /// (typed throws guarantee that); encoding back must never fail for a decoded value,
  /// except JSON for values with no JSON form (e.g. an out-of-range Timestamp).
  static func roundTrips<M: ProtoMessage>(_: M.Type, _ bytes: [UInt8], case name: String) -> Bool {
    guard let value = try? M(serializedBytes: bytes) else { return false }
    let again = value.serializedBytes()
    #expect(again.count == value.serializedSize(), "\(name): size disagrees with encoding")
    let reread = try? M(serializedBytes: again)
    #expect(
      reread.map { Equivalence.same($0, value) } == true,
      "\(name): binary round trip changed the value")

    let options = JSONEncodingOptions(typeRegistry: ContractFixtures.registry)
    guard let json = try? value.jsonUTF8(options: options) else { return true }
    let decoding = JSONDecodingOptions(typeRegistry: ContractFixtures.registry)
    do {
      // JSON has no unknown fields: compare two values that both came from JSON.
      let fromJSON = try M(jsonUTF8: json, options: decoding)
      let again = try M(jsonUTF8: fromJSON.jsonUTF8(options: options), options: decoding)
      #expect(Equivalence.same(again, fromJSON), "\(name): JSON round trip changed the value")
    } catch {
      Issue.record("\(name): our own JSON does not parse: \(error)\n\(String(decoding: json, as: UTF8.self))")
    }
    return true
  }
}
