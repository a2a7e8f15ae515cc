import SluiceRuntime
import Testing

@Suite struct TimeoutTests {
  static let valid: [(String, Duration)] = [
    ("1H", .seconds(3600)), ("100m", .milliseconds(100)), ("5S", .seconds(5)),
    ("10u", .microseconds(10)), ("99999999n", .nanoseconds(99_999_999)), ("2M", .seconds(120)),
    ("0n", .zero), ("00000001S", .seconds(1)), ("99999999H", .seconds(99_999_999 * 3600)),
  ]

  @Test func parsesValidGRPCTimeouts() {
    for (text, expected) in Self.valid {
      #expect(GRPCTimeout.parse(text) == expected, "\(text)")
    }
  }

  @Test(arguments: [
    "", "S", "1", "123456789S", "1s", "1h", "-1S", "+1S", " 1S", "1S ", "1 S", "1.5S", "1x", "1SS",
    "S1", "0x1S", "１S",
  ])
  func rejectsMalformedGRPCTimeouts(text: String) {
    #expect(GRPCTimeout.parse(text) == nil)
  }

  @Test func encodesTheShortestForm() {
    let table: [(Duration, String)] = [
      (.seconds(1), "1S"), (.seconds(60), "1M"), (.seconds(3600), "1H"), (.seconds(90), "90S"),
      (.milliseconds(100), "100m"), (.milliseconds(1500), "1500m"), (.microseconds(10), "10u"),
      (.nanoseconds(1), "1n"), (.nanoseconds(99_999_999), "99999999n"),
      (.nanoseconds(100_000_001), "100001u"), (.zero, "0n"), (.seconds(-5), "0n"),
      (.seconds(100_000_000), "1666667M"), (.seconds(99_999_999), "99999999S"),
      (.seconds(100_000_000) + .nanoseconds(1), "1666667M"),
      (.seconds(100) + .nanoseconds(1), "100001m"), (.seconds(1) + .nanoseconds(1), "1000001u"),
      (.seconds(Int64(99_999_999) * 3600 * 2), "99999999H"), (.seconds(7200), "2H"),
      (.nanoseconds(1) / 1000, "1n"),
    ]
    for (duration, expected) in table {
      #expect(GRPCTimeout.encode(duration) == expected, "\(duration)")
      var bytes: [UInt8] = [0x2A]
      GRPCTimeout.encode(duration, into: &bytes)
      #expect(bytes == [0x2A] + Array(expected.utf8))
    }
  }

  @Test func encodingNeverShortensAndStaysValid() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let scale = Int64.random(in: 0...18, using: &generator)
      var magnitude: Int64 = 1
      for _ in 0..<scale { magnitude *= 10 }
      let nanos = Int64.random(in: 1...magnitude, using: &generator)
      let duration = Duration.nanoseconds(nanos)
      let text = GRPCTimeout.encode(duration)
      guard let parsed = GRPCTimeout.parse(text) else {
        Issue.record("\(text) for \(duration) does not parse")
        continue
      }
      #expect(parsed >= duration, "\(text) for \(duration)")
      #expect(text.utf8.count <= 9)
    }
  }

  @Test func connectTimeoutParsesAtMostTenDigits() {
    #expect(ConnectTimeout.parse("5000") == .milliseconds(5000))
    #expect(ConnectTimeout.parse("0") == .zero)
    #expect(ConnectTimeout.parse("9999999999") == .milliseconds(9_999_999_999))
    for text in ["", "12345678901", "-1", "1.5", "1s", " 1", "abc"] {
      #expect(ConnectTimeout.parse(text) == nil, "\(text)")
    }
  }

  @Test func connectTimeoutEncodesRoundingUp() {
    #expect(ConnectTimeout.encode(.milliseconds(250)) == "250")
    #expect(ConnectTimeout.encode(.microseconds(1)) == "1")
    #expect(ConnectTimeout.encode(.seconds(1) + .nanoseconds(1)) == "1001")
    #expect(ConnectTimeout.encode(.zero) == "0")
    #expect(ConnectTimeout.encode(.seconds(-1)) == "0")
    #expect(ConnectTimeout.encode(.milliseconds(9_999_999_999)) == "9999999999")
    #expect(ConnectTimeout.encode(.milliseconds(10_000_000_000)) == nil)
    var bytes: [UInt8] = []
    #expect(ConnectTimeout.encode(.seconds(2), into: &bytes))
    #expect(bytes == Array("2000".utf8))
    #expect(!ConnectTimeout.encode(.seconds(100_000_000), into: &bytes))
    #expect(bytes == Array("2000".utf8))
  }
}
