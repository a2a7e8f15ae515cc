import SluiceMariaDB
import Testing

@Suite("MariaDBTimestamp")
struct TimestampTests {
  @Test("calendar fields and microseconds convert both ways")
  func roundTrip() throws {
    let cases: [(Int64, String)] = [
      (0, "1970-01-01 00:00:00.000000"),
      (1_700_000_000_123_456, "2023-11-14 22:13:20.123456"),
      (-1, "1969-12-31 23:59:59.999999"),
      (951_782_400_000_000, "2000-02-29 00:00:00.000000"),
      (-62_135_596_800_000_000, "0001-01-01 00:00:00.000000"),
      (253_402_300_799_999_999, "9999-12-31 23:59:59.999999"),
    ]
    for (micros, text) in cases {
      let timestamp = MariaDBTimestamp(microsecondsSinceEpoch: micros)
      #expect(timestamp.description == text)
      let c = timestamp.components
      let rebuilt = try #require(
        MariaDBTimestamp(
          year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second,
          microsecond: c.microsecond))
      #expect(rebuilt == timestamp)
    }
    #expect(MariaDBTimestamp(seconds: 1, nanoseconds: 999_999_999).microsecondsSinceEpoch == 1_999_999)
  }

  @Test("out-of-range fields give nil")
  func invalid() {
    #expect(MariaDBTimestamp(year: 2023, month: 2, day: 29) == nil)
    #expect(MariaDBTimestamp(year: 2024, month: 2, day: 29) != nil)
    #expect(MariaDBTimestamp(year: 0, month: 1, day: 1) == nil)
    #expect(MariaDBTimestamp(year: 2024, month: 13, day: 1) == nil)
    #expect(MariaDBTimestamp(year: 2024, month: 1, day: 1, hour: 24) == nil)
    #expect(MariaDBTimestamp(year: 2024, month: 1, day: 1, microsecond: 1_000_000) == nil)
  }
}
