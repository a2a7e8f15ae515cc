extension Checker {
  /// Checks `reserved` number ranges: within the field number range (or int32 for
  /// enums), not empty, not overlapping each other. Returns the valid ones.
  mutating func checkReservedRanges(_ nodes: [RangeNode], forEnum: Bool) -> [ReservedRange] {
    let minimum = forEnum ? Int64(Int32.min) : 1
    let maximum = forEnum ? Int64(Int32.max) : Checker.maxFieldNumber
    var ranges: [ReservedRange] = []
    for node in nodes {
      let upper = node.upperBound ?? maximum
      guard node.lowerBound >= minimum, upper <= maximum else {
        let bad = node.lowerBound < minimum ? node.lowerBound : upper
        report(
          forEnum
            ? "reserved enum value number \(bad) is out of range for int32"
            : bad < minimum
              ? "reserved field number \(bad) must be a positive integer"
              : "reserved field number \(bad) is greater than the maximum \(Checker.maxFieldNumber)",
          at: node.location)
        continue
      }
      guard node.lowerBound <= upper else {
        report("reserved range \(node.lowerBound) to \(upper) ends before it starts", at: node.location)
        continue
      }
      let range = ReservedRange(Int32(node.lowerBound), Int32(upper))
      if let other = ranges.first(where: { $0.lowerBound <= range.upperBound && range.lowerBound <= $0.upperBound }) {
        report(
          "reserved range \(describe(range)) overlaps with reserved range \(describe(other))",
          at: node.location)
      }
      ranges.append(range)
    }
    return ranges
  }

  private func describe(_ range: ReservedRange) -> String {
    range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
  }

  /// Checks reserved names for repeats; returns them all, in order.
  mutating func checkReservedNames(_ names: [Located<String>]) -> [String] {
    var seen: Set<String> = []
    for name in names where !seen.insert(name.value).inserted {
      report("\"\(name.value)\" is reserved more than once", at: name.location)
    }
    return names.map(\.value)
  }
}
