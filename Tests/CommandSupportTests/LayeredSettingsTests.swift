import Foundation
import SluiceCommandSupport
import Testing

@Suite("LayeredSettings")
struct LayeredSettingsTests {
  let file = try! LayeredSettings.parseFile(
    Data(#"{"port": 7000, "brokers": ["a:9092", "b:9092"], "tls": true, "host": "file-host"}"#.utf8),
    path: "sluice.json")

  @Test func flagsBeatEnvironmentBeatFile() throws {
    let settings = LayeredSettings(
      flags: ["host": ["flag-host"]], environment: ["SLUICE_PORT": "7100", "SLUICE_HOST": "env-host"],
      file: file)
    #expect(settings.string("host")?.value == "flag-host")
    #expect(try settings.int("port", in: 0...65_535) == 7100)
    #expect(try settings.bool("tls") == true)
    #expect(settings.values("brokers")?.values == ["a:9092", "b:9092"])
    #expect(settings.string("missing") == nil)
  }

  @Test func environmentListsAreCommaSeparated() {
    let settings = LayeredSettings(
      flags: [:], environment: ["SLUICE_KAFKA_BROKERS": "x:1, y:2"], file: [:])
    #expect(settings.values("kafka-brokers")?.values == ["x:1", "y:2"])
    #expect(LayeredSettings.variable(for: "writer-max") == "SLUICE_WRITER_MAX")
  }

  @Test func errorsNameWhereTheValueCameFrom() {
    let settings = LayeredSettings(
      flags: ["port": ["http"]], environment: ["SLUICE_SETTLE_TIME": "soon"], file: ["tls": ["maybe"]])
    #expect(throws: SettingError("--port: \"http\" is not a whole number from 0 to 65535")) {
      try settings.int("port", in: 0...65_535)
    }
    #expect(throws: SettingError("$SLUICE_SETTLE_TIME: \"soon\" is not a duration such as 250ms, 2s, 5m or 1h")) {
      try settings.duration("settle-time")
    }
    #expect(throws: SettingError("\"tls\" in the config file: \"maybe\" is not true or false")) {
      try settings.bool("tls")
    }
  }

  @Test func durationsAndBadFiles() throws {
    let settings = LayeredSettings(flags: ["a": ["250ms"], "b": ["1.5s"], "c": ["2m"]], environment: [:])
    #expect(try settings.duration("a") == .milliseconds(250))
    #expect(try settings.duration("b") == .milliseconds(1_500))
    #expect(try settings.duration("c") == .seconds(120))
    #expect(throws: SettingError.self) {
      try LayeredSettings.parseFile(Data("[1]".utf8), path: "x.json")
    }
    #expect(throws: SettingError.self) {
      try LayeredSettings.parseFile(Data(#"{"a": {"b": 1}}"#.utf8), path: "x.json")
    }
  }
}
