import SluiceRuntime
import Testing

@Suite struct TimestampDurationTests {
  @Test(arguments: [
    (Int64(0), Int32(0), "1970-01-01T00:00:00Z"),
    (63_108_020, 21_000_000, "1972-01-01T10:00:20.021Z"),
    (-1, 999_999_999, "1969-12-31T23:59:59.999999999Z"),
    (1, 1000, "1970-01-01T00:00:01.000001Z"),
    (1, 1, "1970-01-01T00:00:01.000000001Z"),
    (951_782_400, 0, "2000-02-29T00:00:00Z"),
    (-62_135_596_800, 0, "0001-01-01T00:00:00Z"),
    (253_402_300_799, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
    (4_107_542_400, 500_000_000, "2100-03-01T00:00:00.500Z"),
  ])
  func timestampJSON(_ seconds: Int64, _ nanos: Int32, _ text: String) throws {
    let t = Google_Protobuf_Timestamp(seconds: seconds, nanos: nanos)
    #expect(try t.jsonString() == "\"\(text)\"")
    #expect(try Google_Protobuf_Timestamp(jsonString: "\"\(text)\"") == t)
  }

  @Test func timestampOffsetsAndFractions() throws {
    func parse(_ text: String) throws -> Google_Protobuf_Timestamp {
      try Google_Protobuf_Timestamp(jsonString: "\"\(text)\"")
    }
    #expect(try parse("1970-01-01T00:00:00+01:00") == .init(seconds: -3600))
    #expect(try parse("1970-01-01T00:00:00.5-00:30") == .init(seconds: 1800, nanos: 500_000_000))
    #expect(try parse("1970-01-01T00:00:00.1234Z") == .init(seconds: 0, nanos: 123_400_000))
    #expect(try parse("0001-01-01T01:00:00+01:00") == .init(seconds: -62_135_596_800))
  }

  @Test(arguments: [
    "1970-01-01 00:00:00Z", "1970-01-01t00:00:00Z", "1970-01-01T00:00:00z", "1970-01-01T00:00:00",
    "1970-13-01T00:00:00Z", "1970-00-01T00:00:00Z", "1970-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
    "1970-04-31T00:00:00Z", "1970-01-01T24:00:00Z", "1970-01-01T00:60:00Z", "1970-01-01T00:00:60Z",
    "0000-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "1970-01-01T00:00:00.Z", "1970-01-01T00:00:00.1234567890Z",
    "1970-01-01T00:00:00+0100", "1970-01-01T00:00:00+24:00", "0001-01-01T00:00:00+00:01",
    "9999-12-31T23:59:59-00:01", "70-01-01T00:00:00Z", "1970-1-01T00:00:00Z", "", " 1970-01-01T00:00:00Z",
    "1970-01-01T00:00:00Z ",
  ])
  func invalidTimestamps(_ text: String) {
    #expect(throws: JSONDecodingError.invalidTimestamp(offset: 0)) {
      try Google_Protobuf_Timestamp(jsonString: "\"\(text)\"")
    }
  }

  @Test func timestampRequiresString() {
    #expect(throws: JSONDecodingError.unexpectedCharacter(offset: 0)) { try Google_Protobuf_Timestamp(jsonString: "0") }
  }

  @Test func timestampOutOfRangeHasNoJSON() {
    for t in [Google_Protobuf_Timestamp(seconds: -62_135_596_801), .init(seconds: 253_402_300_800), .init(seconds: 0, nanos: -1), .init(seconds: 0, nanos: 1_000_000_000)] {
      #expect(throws: JSONEncodingError.invalidTimestamp) { try t.jsonString() }
    }
  }

  @Test func everyDayRoundTrips() throws {
    // Every day boundary from 1969 to 2101, checking the civil-date arithmetic both ways.
    var seconds: Int64 = -366 * 86_400
    while seconds < 4_200_000_000 {
      let t = Google_Protobuf_Timestamp(seconds: seconds)
      #expect(try Google_Protobuf_Timestamp(jsonUTF8: t.jsonUTF8()) == t)
      seconds += 86_400 * 7 + 3_599
    }
  }

  @Test(arguments: [
    (Int64(1), Int32(500_000_000), "1.500s"), (0, -1000, "-0.000001s"), (0, 0, "0s"), (1, 0, "1s"),
    (-1, -500_000_000, "-1.500s"), (0, 20, "0.000000020s"), (315_576_000_000, 0, "315576000000s"),
    (-315_576_000_000, -999_999_999, "-315576000000.999999999s"), (0, 123_456_000, "0.123456s"),
  ])
  func durationJSON(_ seconds: Int64, _ nanos: Int32, _ text: String) throws {
    let d = Google_Protobuf_Duration(seconds: seconds, nanos: nanos)
    #expect(try d.jsonString() == "\"\(text)\"")
    #expect(try Google_Protobuf_Duration(jsonString: "\"\(text)\"") == d)
  }

  @Test func durationInputForms() throws {
    #expect(try Google_Protobuf_Duration(jsonString: #""1.5s""#) == .init(seconds: 1, nanos: 500_000_000))
    #expect(try Google_Protobuf_Duration(jsonString: #""-0.5s""#) == .init(seconds: 0, nanos: -500_000_000))
    #expect(try Google_Protobuf_Duration(jsonString: #""00010.1s""#) == .init(seconds: 10, nanos: 100_000_000))
  }

  @Test(arguments: ["1", "1.0000000001s", "+1s", "-s", ".5s", "1.s", "1 s", " 1s", "1s ", "315576000001s", "1e3s", "s", "", "--1s", "0x1s", "1S"])
  func invalidDurations(_ text: String) {
    #expect(throws: JSONDecodingError.invalidDuration(offset: 0)) {
      try Google_Protobuf_Duration(jsonString: "\"\(text)\"")
    }
  }

  @Test func invalidDurationsHaveNoJSON() {
    for d in [Google_Protobuf_Duration(seconds: 1, nanos: -1), .init(seconds: -1, nanos: 1), .init(seconds: 315_576_000_001), .init(seconds: 0, nanos: 1_000_000_000)] {
      #expect(throws: JSONEncodingError.invalidDuration) { try d.jsonString() }
    }
  }

  @Test func binaryLayout() throws {
    let t = Google_Protobuf_Timestamp(seconds: 1, nanos: 2)
    #expect(t.serializedBytes() == hex("08 01 10 02"))
    #expect(try Google_Protobuf_Timestamp(serializedBytes: hex("08 01 10 02 18 03")).unknownFields.bytes == hex("18 03"))
    let d = Google_Protobuf_Duration(seconds: -1, nanos: -2)
    #expect(d.serializedBytes() == hex("08 ff ff ff ff ff ff ff ff ff 01 10 fe ff ff ff ff ff ff ff ff 01"))
    #expect(try Google_Protobuf_Duration(serializedBytes: d.serializedBytes()) == d)
    #expect(throws: ProtoDecodingError.wireTypeMismatch(fieldNumber: 1)) { try Google_Protobuf_Duration(serializedBytes: hex("0a 00")) }
  }
}
