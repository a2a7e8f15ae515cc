/// The `key=value` lines the logging interceptors write.
enum LogLine {
  /// `fields`, then `status=`, `duration=` and, for errors with one, `message="..."`.
  static func format(_ fields: [(String, String)], outcome: RPCOutcome) -> String {
    var line = ""
    for (key, value) in fields {
      line += key + "=" + value + " "
    }
    line += "status=" + outcome.code.name + " duration=" + milliseconds(outcome.duration)
    if let message = outcome.error?.message, !message.isEmpty {
      line += " message=" + quoted(message)
    }
    return line
  }

  /// The duration in milliseconds with three decimals, such as `12.345ms`.
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    let fraction = String(microseconds % 1000)
    return String(microseconds / 1000) + "."
      + String(repeating: "0", count: 3 - fraction.count) + fraction + "ms"
  }

  /// `text` in double quotes, with `"` and `\` escaped and control characters as spaces,
  /// so one call stays one line.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for character in text.unicodeScalars {
      switch character {
      case "\"", "\\": result += "\\" + String(character)
      case _ where character.value < 0x20 || character.value == 0x7F: result += " "
      default: result.unicodeScalars.append(character)
      }
    }
    return result + "\""
  }
}
