/// Formats the results as a Markdown table (readable in a terminal, pasteable into
/// BENCHMARKS.md).
enum Report {
  /// The sides compared in the ratio columns.
  static let subject = "sluice"
  static let baseline = SwiftProtobufCodec.name

  /// One table row per benchmark.
  static func table(
    kinds: [BenchmarkKind], sizes: [BenchmarkKind: Int], results: [BenchmarkKind: [String: Measurement]]
  ) -> String {
    let header = [
      "benchmark", "bytes/op", "\(subject) ops/s", "\(baseline) ops/s", "ratio",
      "\(subject) MB/s", "\(baseline) MB/s", "\(subject) allocs/op", "\(baseline) allocs/op",
      "spread (\(subject) / \(baseline))",
    ]
    var rows: [[String]] = [header]
    for kind in kinds {
      let size = sizes[kind] ?? 0
      let mine = results[kind]?[subject]
      let theirs = results[kind]?[baseline]
      rows.append([
        kind.rawValue,
        String(size),
        mine.map { ops($0.median) } ?? "n/a",
        theirs.map { ops($0.median) } ?? "n/a",
        ratio(mine?.median, theirs?.median),
        mine.map { fixed($0.median * Double(size) / 1e6, 1) } ?? "n/a",
        theirs.map { fixed($0.median * Double(size) / 1e6, 1) } ?? "n/a",
        mine.map { fixed($0.allocationsPerOp, 1) } ?? "n/a",
        theirs.map { fixed($0.allocationsPerOp, 1) } ?? "n/a",
        (mine.map { percent($0.spread) } ?? "n/a") + " / " + (theirs.map { percent($0.spread) } ?? "n/a"),
      ])
    }
    return render(rows)
  }

  private static func render(_ rows: [[String]]) -> String {
    var widths = [Int](repeating: 0, count: rows[0].count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    var lines: [String] = []
    for (index, row) in rows.enumerated() {
      let cells = row.enumerated().map { column, cell in
        column == 0 ? pad(cell, widths[column], left: true) : pad(cell, widths[column], left: false)
      }
      lines.append("| " + cells.joined(separator: " | ") + " |")
      if index == 0 {
        let rule = widths.enumerated().map { column, width in
          column == 0 ? String(repeating: "-", count: width) : String(repeating: "-", count: width - 1) + ":"
        }
        lines.append("| " + rule.joined(separator: " | ") + " |")
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func pad(_ text: String, _ width: Int, left: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + fill : fill + text
  }

  /// `1234567` → `1,234,567`.
  static func ops(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }

  static func ratio(_ mine: Double?, _ theirs: Double?) -> String {
    guard let mine, let theirs, theirs > 0 else { return "n/a" }
    return fixed(mine / theirs, 2) + "x"
  }

  static func percent(_ value: Double) -> String { fixed(value * 100, 1) + "%" }

  /// `value` with `places` decimals, without Foundation.
  static func fixed(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = scaled % Int(scale)
    var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
    if places > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
  }
}
