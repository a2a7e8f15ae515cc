/// A point in time with microsecond precision, as `DATETIME(6)` and `TIMESTAMP(6)` hold it.
///
/// Stored as microseconds since 1970-01-01 00:00:00 UTC. Connections run with the session
/// time zone UTC, so the calendar fields read and written are UTC. Years 1–9999 (MariaDB's
/// `DATETIME` range) convert both ways.
public struct MariaDBTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Microseconds since 1970-01-01 00:00:00 UTC (negative before).
  public var microsecondsSinceEpoch: Int64

  /// Creates a timestamp from microseconds since the Unix epoch.
  public init(microsecondsSinceEpoch: Int64) {
    self.microsecondsSinceEpoch = microsecondsSinceEpoch
  }

  /// Creates a timestamp from whole seconds and nanoseconds since the Unix epoch (as a
  /// protobuf `Timestamp` carries it); nanoseconds below a microsecond are dropped.
  public init(seconds: Int64, nanoseconds: Int32) {
    self.microsecondsSinceEpoch = seconds * 1_000_000 + Int64(nanoseconds) / 1000
  }

  /// Creates a timestamp from UTC calendar fields; `nil` when a field is out of range
  /// (year 1–9999, month 1–12, a day the month has, hour 0–23, minute and second 0–59,
  /// microsecond 0–999,999).
  public init?(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    microsecond: Int = 0
  ) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
      (0...59).contains(minute), (0...59).contains(second), (0...999_999).contains(microsecond)
    else { return nil }
    let days = Int64(Self.daysFromCivil(year: year, month: month, day: day))
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    self.microsecondsSinceEpoch = seconds * 1_000_000 + Int64(microsecond)
  }

  /// The UTC calendar fields of this instant.
  public var components:
    (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int)
  {
    let (days, microsOfDay) = microsecondsSinceEpoch.floorDivided(by: 86_400_000_000)
    let (year, month, day) = Self.civil(fromDays: days)
    let secondsOfDay = Int(microsOfDay / 1_000_000)
    return (
      year, month, day, secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60,
      Int(microsOfDay % 1_000_000)
    )
  }

  /// `2024-05-06 07:08:09.123456` (UTC).
  public var description: String {
    let c = components
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) "
      + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.microsecond, 6))"
  }

  /// Orders by instant.
  public static func < (lhs: MariaDBTimestamp, rhs: MariaDBTimestamp) -> Bool {
    lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date `days` after 1970-01-01.
  static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = Int(days) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Int64 {
  /// Quotient rounded towards negative infinity and the matching non-negative remainder.
  fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    let quotient = self / divisor
    let remainder = self % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }
}
