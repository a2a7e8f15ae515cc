/// A seeded generator (SplitMix64) so jitter is the same on every run.
struct PolicyTestRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A generator that always returns the same word, to draw the ends of ranges: 1 gives
/// the low end of a floating-point range and all ones the high end. (All zeros would
/// never get past the rejection step of `next(upperBound:)` for bounds that are not
/// powers of two.)
struct PolicyFixedRandom: RandomNumberGenerator, Sendable {
  let word: UInt64

  func next() -> UInt64 { word }

  static let lowest = PolicyFixedRandom(word: 1)
  static let highest = PolicyFixedRandom(word: .max)
}

extension Duration {
  /// The duration in seconds, for comparisons with tolerances.
  var secondsValue: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
