import SluiceCommandSupport
import SluiceRuntime
import Testing

@Suite("TimeArgument")
struct TimeArgumentTests {
  let now = Google_Protobuf_Timestamp(seconds: 1_795_773_600, nanos: 250)  // 2026-11-27T10:00:00Z

  func parse(_ text: String) throws(SettingError) -> Google_Protobuf_Timestamp {
    try TimeArgument.parse(text, option: "--since", now: now)
  }

  @Test func absoluteTimes() throws {
    #expect(try parse("2026-11-27T10:00:00Z") == .init(seconds: 1_795_773_600))
    #expect(try parse("2026-11-27T11:00:00.5+01:00") == .init(seconds: 1_795_773_600, nanos: 500_000_000))
    #expect(try parse("2026-11-27") == .init(seconds: 1_795_737_600))
    #expect(try parse(" now ") == now)
  }

  @Test func relativeTimes() throws {
    #expect(try parse("-15m") == .init(seconds: now.seconds - 900, nanos: 250))
    #expect(try parse("-2h") == .init(seconds: now.seconds - 7_200, nanos: 250))
    #expect(try parse("-1d12h") == .init(seconds: now.seconds - 129_600, nanos: 250))
    #expect(try parse("+30s") == .init(seconds: now.seconds + 30, nanos: 250))
    #expect(try parse("-1w") == .init(seconds: now.seconds - 604_800, nanos: 250))
  }

  @Test(arguments: ["", "-", "-15", "15m", "-15x", "-m", "-1h5", "yesterday", "2026-13-01", "-99999999999999999999s", "\"x\""])
  func mistakesNameTheFlag(_ text: String) {
    #expect(throws: SettingError.self) { try parse(text) }
    do {
      _ = try parse(text)
    } catch {
      #expect(error.description.hasPrefix("--since: \"\(text)\" is not a time"))
    }
  }

  @Test func formatting() {
    #expect(TimeArgument.format(.init(seconds: 1_795_773_600)) == "2026-11-27T10:00:00Z")
    #expect(TimeArgument.format(.init(seconds: 1_795_773_600, nanos: 500_000_000)) == "2026-11-27T10:00:00.500Z")
    #expect(TimeArgument.formatMinute(.init(seconds: 1_795_773_659, nanos: 9)) == "2026-11-27 10:00")
  }
}
