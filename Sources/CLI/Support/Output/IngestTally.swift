/// Running totals of an ingest run, as the progress line and the final summary show them.
public struct IngestTally: Sendable, Hashable {
  /// Events read from the input and sent.
  public var sent = 0
  /// Events the server accepted, reported as duplicates, or rejected.
  public var accepted = 0
  public var duplicates = 0
  public var rejected = 0
  /// Lines of input that did not become events (never sent).
  public var unreadable = 0

  /// Empty totals.
  public init() {}

  /// Events the server has answered for.
  public var answered: Int { accepted + duplicates + rejected }

  /// One progress line: events answered, the rate over `elapsed`, the totals so far.
  public func progressLine(elapsed: Duration) -> String {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = seconds > 0 ? Int((Double(answered) / seconds).rounded()) : 0
    return "\(Self.grouped(answered)) events  \(Self.grouped(rate))/s  "
      + "accepted \(Self.grouped(accepted))  duplicates \(Self.grouped(duplicates))  "
      + "rejected \(Self.grouped(rejected + unreadable))  \(Self.clock(elapsed))"
  }

  /// The final summary, one fact per line.
  public func summary(elapsed: Duration) -> String {
    var lines = [
      "accepted:   \(Self.grouped(accepted))",
      "duplicates: \(Self.grouped(duplicates))",
      "rejected:   \(Self.grouped(rejected)) by the server",
    ]
    if unreadable > 0 {
      lines.append("unreadable: \(Self.grouped(unreadable)) input lines (not sent)")
    }
    lines.append("took \(Self.clock(elapsed))")
    return lines.joined(separator: "\n")
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// `hh:mm:ss`.
  static func clock(_ elapsed: Duration) -> String {
    let total = max(0, elapsed.components.seconds)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))"
  }
}
