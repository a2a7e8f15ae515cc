public import SluiceRuntime

/// A point in time as the command line gives it: an RFC 3339 timestamp
/// (`2026-11-27T10:00:00Z`, `2026-11-27T11:00:00.5+01:00`), a date (`2026-11-27`, its
/// midnight UTC), `now`, or a time relative to now (`-15m`, `-2h`, `-1d12h`, `+30s`;
/// units `s`, `m`, `h`, `d`, `w`).
public enum TimeArgument {
  /// Seconds per relative-time unit.
  static let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

  /// The time `text` names, relative ones counted from `now`. `option` names the flag in
  /// the error (`--since`).
  public static func parse(_ text: String, option: String, now: Google_Protobuf_Timestamp)
    throws(SettingError) -> Google_Protobuf_Timestamp
  {
    let trimmed = text.trimmingSpaces
    if trimmed == "now" { return now }
    if let sign = trimmed.first, sign == "-" || sign == "+" {
      guard let seconds = relativeSeconds(trimmed.dropFirst()) else {
        throw invalid(text, option: option)
      }
      let (total, overflow) = now.seconds.addingReportingOverflow(sign == "-" ? -seconds : seconds)
      guard !overflow else { throw invalid(text, option: option) }
      return Google_Protobuf_Timestamp(seconds: total, nanos: now.nanos)
    }
    let isDate = trimmed.utf8.count == 10 && trimmed.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }
    let rfc3339 = isDate ? trimmed + "T00:00:00Z" : trimmed
    guard !rfc3339.contains("\""), !rfc3339.contains("\\"),
      let timestamp = try? Google_Protobuf_Timestamp(jsonString: "\"\(rfc3339)\"")
    else {
      throw invalid(text, option: option)
    }
    return timestamp
  }

  /// `15m`, `1h30m`: seconds, or nil when malformed or too large.
  static func relativeSeconds(_ text: Substring) -> Int64? {
    var total: Int64 = 0
    var number: Int64?
    for character in text {
      if let digit = character.wholeNumberValue, character.isASCII {
        let (shifted, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
        let (next, overflow2) = shifted.addingReportingOverflow(Int64(digit))
        guard !overflow1, !overflow2 else { return nil }
        number = next
      } else if let scale = units[character], let value = number {
        let (part, overflow1) = value.multipliedReportingOverflow(by: scale)
        let (sum, overflow2) = total.addingReportingOverflow(part)
        guard !overflow1, !overflow2 else { return nil }
        total = sum
        number = nil
      } else {
        return nil
      }
    }
    // Every number needs its unit, and there must be at least one.
    guard number == nil, !text.isEmpty else { return nil }
    return total
  }

  static func invalid(_ text: String, option: String) -> SettingError {
    SettingError(
      "\(option): \"\(text)\" is not a time; use RFC 3339 (2026-11-27T10:00:00Z), a date "
        + "(2026-11-27), now, or a time relative to now such as -15m, -2h or -1d")
  }

  /// `2026-11-27T10:00:00Z` (fractional seconds only when present).
  public static func format(_ timestamp: Google_Protobuf_Timestamp) -> String {
    guard let json = try? timestamp.jsonString() else {
      return "\(timestamp.seconds)s"
    }
    return String(json.dropFirst().dropLast())
  }

  /// `2026-11-27 10:00`: the minute a count bucket stands for.
  public static func formatMinute(_ timestamp: Google_Protobuf_Timestamp) -> String {
    let full = format(Google_Protobuf_Timestamp(seconds: timestamp.seconds, nanos: 0))
    guard full.utf8.count >= 16 else { return full }
    return String(full.prefix(16)).replacingFirstT()
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
    return String(scalars)
  }

  /// `2026-11-27T10:00` as `2026-11-27 10:00`.
  fileprivate func replacingFirstT() -> String {
    guard let index = firstIndex(of: "T") else { return self }
    var copy = self
    copy.replaceSubrange(index...index, with: " ")
    return copy
  }
}
