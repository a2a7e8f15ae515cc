import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import Testing

@Suite("CSV and JSON Lines input")
struct InputTests {
  func records(_ text: String) throws -> [[String]] {
    var parser = CSVRecordParser()
    var out: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let record = try parser.feed(line: line.utf8) { out.append(record) }
    }
    try parser.finish()
    return out
  }

  @Test func csvFollowsRFC4180() throws {
    #expect(try records("a,b,c") == [["a", "b", "c"]])
    #expect(try records("\"x, y\",\"say \"\"hi\"\"\",") == [["x, y", "say \"hi\"", ""]])
    #expect(try records("\"two\nlines\",z\r") == [["two\nlines", "z"]])
    #expect(try records(",") == [["", ""]])
  }

  @Test func csvErrorsNameTheLine() {
    #expect(throws: InputError(line: 2, reason: "a quote inside an unquoted field")) {
      try records("ok\nab\"c")
    }
    #expect(throws: InputError(line: 1, reason: "text after a closing quote")) {
      try records("\"a\"b")
    }
    #expect(throws: InputError(line: 2, reason: "a quoted field is not closed before the end")) {
      try records("x\n\"open\nstill open")
    }
  }

  @Test func csvColumnsMapToEvents() throws {
    let mapper = try CSVEventMapper(
      header: ["id", "type", "source", "time", "data_json", "ext.region"], defaultStream: "orders")
    let event = try mapper.event(
      from: ["7", "t", "/s", "2026-11-27T10:00:00.5Z", "{\"n\":1}", "eu"], line: 3)
    #expect(event.stream == "orders" && event.id == "7" && event.type == "t")
    #expect(event.time == .init(seconds: 1_795_773_600, nanos: 500_000_000))
    #expect(event.extensions["region"]?.attr == .ceString("eu"))
    guard case .jsonData(let value) = event.data else {
      Issue.record("expected JSON data")
      return
    }
    #expect(value == (try Google_Protobuf_Value(jsonString: #"{"n": 1}"#)))
  }

  @Test func csvMistakesAreCaught() throws {
    #expect(throws: InputError(line: 1, reason: "unknown column \"tpye\"")) {
      try CSVEventMapper(header: ["id", "tpye"], defaultStream: nil)
    }
    #expect(throws: InputError.self) {
      try CSVEventMapper(header: ["data", "data_json"], defaultStream: nil)
    }
    let mapper = try CSVEventMapper(header: ["id", "time", "data_base64"], defaultStream: nil)
    #expect(throws: InputError(line: 4, reason: "2 fields; the header names 3")) {
      try mapper.event(from: ["1", ""], line: 4)
    }
    #expect(throws: InputError(line: 5, reason: "time \"yesterday\" is not an RFC 3339 timestamp")) {
      try mapper.event(from: ["1", "yesterday", ""], line: 5)
    }
    #expect(throws: InputError(line: 6, reason: "data_base64 is not base64")) {
      try mapper.event(from: ["1", "", "!!"], line: 6)
    }
  }

  @Test func jsonLinesDecodeEventsAndSkipBlankLines() throws {
    let decoder = JSONLinesEventDecoder(defaultStream: "s")
    let event = try decoder.event(
      fromLine: Array(#"{"id":"1","type":"t","source":"/x","textData":"hi"}"#.utf8), number: 1)
    #expect(event?.stream == "s" && event?.data == .textData("hi"))
    #expect(try decoder.event(fromLine: Array("  \t".utf8), number: 2) == nil)
    #expect(throws: InputError.self) {
      try decoder.event(fromLine: Array(#"{"id": 1"#.utf8), number: 3)
    }
  }

  @Test func progressAndSummaryRead() {
    var tally = IngestTally()
    tally.accepted = 1_234_567
    tally.duplicates = 3
    tally.rejected = 2
    tally.unreadable = 1
    #expect(
      tally.progressLine(elapsed: .seconds(61))
        == "1,234,572 events  20,239/s  accepted 1,234,567  duplicates 3  rejected 3  00:01:01")
    #expect(tally.summary(elapsed: .seconds(3_725)).hasSuffix("took 01:02:05"))
    #expect(tally.summary(elapsed: .zero).contains("unreadable: 1 input lines (not sent)"))
  }
}
