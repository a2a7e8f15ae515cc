public import SluiceRuntime

extension CompressionAlgorithm {
  /// The algorithms a `grpc-accept-encoding` or `Accept-Encoding` value
  /// accepts, most preferred first.
  ///
  /// Elements are comma-separated tokens with optional parameters; a `q`
  /// weight orders them (stable for equal weights, default 1) and `q=0`
  /// excludes one. `*` stands for every known algorithm not listed. Unknown
  /// tokens and malformed weights are skipped; the first mention of an
  /// algorithm wins.
  public static func parseAcceptList(_ value: some Collection<UInt8>) -> [CompressionAlgorithm] {
    var weighted: [(algorithm: CompressionAlgorithm, weight: Int)] = []
    var mentioned: Set<CompressionAlgorithm> = []
    var wildcardWeight: Int?
    for element in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true) {
      var parts = element.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).makeIterator()
      guard let token = parts.next()?.trimmingOptionalWhitespace(), !token.isEmpty else { continue }
      var weight = 1_000
      while let parameter = parts.next() {
        let parameter = parameter.trimmingOptionalWhitespace()
        guard parameter.count >= 2, asciiCaseInsensitiveEqual(parameter.prefix(2), "q=".utf8) else { continue }
        weight = Self.parseWeight(parameter.dropFirst(2)) ?? -1
      }
      if token.elementsEqual("*".utf8) {
        wildcardWeight = wildcardWeight ?? weight
        continue
      }
      guard let algorithm = CompressionAlgorithm(name: token), !mentioned.contains(algorithm) else { continue }
      mentioned.insert(algorithm)
      weighted.append((algorithm, weight))
    }
    if let wildcardWeight {
      for algorithm in Self.allCases where !mentioned.contains(algorithm) {
        weighted.append((algorithm, wildcardWeight))
      }
    }
    let ordered = weighted.enumerated().sorted { lhs, rhs in
      lhs.element.weight != rhs.element.weight ? lhs.element.weight > rhs.element.weight : lhs.offset < rhs.offset
    }
    return ordered.filter { $0.element.weight > 0 }.map(\.element.algorithm)
  }

  /// The algorithms a `grpc-accept-encoding` or `Accept-Encoding` value
  /// accepts, most preferred first (see the byte-based overload).
  public static func parseAcceptList(_ value: String) -> [CompressionAlgorithm] {
    self.parseAcceptList(Array(value.utf8))
  }

  /// A comma-separated list of algorithm names for an accept header.
  public static func acceptListValue(_ algorithms: some Sequence<CompressionAlgorithm>) -> String {
    algorithms.map(\.name).joined(separator: ",")
  }

  /// A `q` value ("0", "0.5", "1.000") in thousandths, or `nil` if malformed.
  private static func parseWeight(_ text: some Collection<UInt8>) -> Int? {
    let text = text.trimmingOptionalWhitespace()
    guard let first = text.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
    var weight = Int(first - UInt8(ascii: "0")) * 1_000
    let rest = text.dropFirst()
    guard !rest.isEmpty else { return weight }
    guard rest.first == UInt8(ascii: "."), rest.count <= 4 else { return nil }
    var scale = 100
    for digit in rest.dropFirst() {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
      weight += Int(digit - UInt8(ascii: "0")) * scale
      scale /= 10
    }
    return weight <= 1_000 ? weight : nil
  }
}
