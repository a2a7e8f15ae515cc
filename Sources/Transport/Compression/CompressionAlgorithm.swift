import SluiceRuntime

extension CompressionAlgorithm {
  /// zlib's `windowBits` for this format: 15 + 16 selects the gzip wrapper,
  /// 15 the zlib wrapper. `nil` for identity.
  var windowBits: Int32? {
    switch self {
    case .identity: nil
    case .gzip: 15 + 16
    case .deflate: 15
    }
  }
}

extension Collection<UInt8> {
  /// The bytes without leading and trailing spaces and tabs.
  func trimmingOptionalWhitespace() -> SubSequence {
    let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    guard let start = self.firstIndex(where: { !isSpace($0) }) else { return self[self.endIndex...] }
    var end = start
    var index = start
    while index != self.endIndex {
      let next = self.index(after: index)
      if !isSpace(self[index]) {
        end = next
      }
      index = next
    }
    return self[start..<end]
  }
}

/// ASCII case-insensitive equality of two byte sequences.
func asciiCaseInsensitiveEqual(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
  guard lhs.count == rhs.count else { return false }
  return zip(lhs, rhs).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
}

private func asciiLowercased(_ byte: UInt8) -> UInt8 {
  byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
}
