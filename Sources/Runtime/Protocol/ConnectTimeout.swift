/// The Connect protocol's `connect-timeout-ms` header: a timeout in milliseconds as at
/// most 10 ASCII digits.
public enum ConnectTimeout {
  /// The largest value the 10 digits allow (about 115 days).
  public static let maxMilliseconds: Int64 = 9_999_999_999

  /// The timeout a header value denotes; nil when it is malformed (empty, more than 10
  /// digits, anything but digits). `0` (already expired) is accepted.
  public static func parse(_ value: UnsafeRawBufferPointer) -> Duration? {
    ASCII.decimal(value, maxDigits: 10).map { .milliseconds($0) }
  }

  /// The timeout a header value denotes; nil when it is malformed.
  public static func parse(_ value: String) -> Duration? {
    var value = value
    return value.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  /// The header value for `duration` in whole milliseconds, rounded up so the deadline
  /// is never shortened; zero and negative durations give `0`. Returns nil when the
  /// duration exceeds ``maxMilliseconds``: send no header (no deadline) then, as the
  /// protocol cannot express it.
  public static func encode(_ duration: Duration) -> String? {
    guard let milliseconds = milliseconds(duration) else { return nil }
    return String(milliseconds)
  }

  /// Appends the header value for `duration`; returns false (appending nothing) when it
  /// exceeds ``maxMilliseconds``.
  public static func encode(_ duration: Duration, into output: inout [UInt8]) -> Bool {
    guard let milliseconds = milliseconds(duration) else { return false }
    ASCII.appendDecimal(Int(milliseconds), to: &output)
    return true
  }

  static func milliseconds(_ duration: Duration) -> Int64? {
    guard duration > .zero else { return 0 }
    let (seconds, attoseconds) = duration.components
    guard seconds <= maxMilliseconds / 1000 else { return nil }
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return milliseconds <= maxMilliseconds ? milliseconds : nil
  }
}
