import SluiceIngest
import Testing

@Suite("PageToken")
struct PageTokenTests {
  @Test func roundTripsExtremeValues() throws {
    for (time, sequence) in [(Int64.min, Int64(0)), (0, 1), (1_800_000_000_123_456, Int64.max)] {
      let token = PageToken(timeMicros: time, sequence: sequence, fingerprint: 0xDEAD_BEEF)
      let decoded = try PageToken(decoding: token.encoded, expecting: 0xDEAD_BEEF)
      #expect(decoded == token)
      #expect(token.encoded.count == 50)
    }
  }

  @Test func refusesTokensOfAnotherQuery() {
    let token = PageToken(timeMicros: 5, sequence: 6, fingerprint: 1).encoded
    #expect(throws: PageToken.DecodingError.queryChanged) {
      try PageToken(decoding: token, expecting: 2)
    }
  }

  @Test func refusesMalformedTokens() {
    let good = PageToken(timeMicros: 5, sequence: 6, fingerprint: 0xABC).encoded
    let bad = [
      "", "zz", String(good.dropLast()), good + "0", good.uppercased(),
      "02" + good.dropFirst(2),  // unknown version
    ]
    for text in bad {
      #expect(throws: PageToken.DecodingError.malformed, "\(text)") {
        try PageToken(decoding: text, expecting: 0xABC)
      }
    }
  }

  @Test func fingerprintSeparatesFieldBoundariesAndOrder() {
    func digest(_ parts: [String]) -> UInt64 {
      var fingerprint = QueryFingerprint()
      for part in parts { fingerprint.add(part) }
      return fingerprint.value
    }
    #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
    #expect(digest(["a", "b"]) != digest(["b", "a"]))
    #expect(digest(["a", "b"]) == digest(["a", "b"]))
  }
}
