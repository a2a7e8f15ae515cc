import SluiceCommandSupport
import SluiceGenerated
import Testing

@Suite("LineSplitter, InputFormat and EventInputDecoder")
struct EventInputDecoderTests {
  func lines(_ text: String) -> [LineSplitter.Piece] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { .line(Array($0.utf8)) }
  }

  /// Decodes `text` as a whole input, returning "id@line" for events and "!line: reason"
  /// for unreadable lines.
  func decode(_ text: String, _ format: InputFormat) -> [String] {
    var decoder = EventInputDecoder(format: format, defaultStream: "s")
    var splitter = LineSplitter()
    var pieces = splitter.split(Array(text.utf8))
    if let last = splitter.finish() { pieces.append(last) }
    var outputs = pieces.compactMap { decoder.decode($0) }
    if let last = decoder.finish() { outputs.append(last) }
    return outputs.map { output in
      switch output {
      case .event(let event, let line): "\(event.id)@\(line)"
      case .unreadable(let error): "!\(error.line): \(error.reason)"
      }
    }
  }

  @Test func splitterJoinsChunksAndKeepsTheLastLine() {
    var splitter = LineSplitter()
    #expect(splitter.split(Array("ab".utf8)).isEmpty)
    #expect(splitter.split(Array("c\nd\r\n\ne".utf8)) == [.line(Array("abc".utf8)), .line(Array("d\r".utf8)), .line([])])
    #expect(splitter.finish() == .line(Array("e".utf8)))
    #expect(splitter.finish() == nil)
    #expect(splitter.split(Array("x\n".utf8)) == [.line(Array("x".utf8))])
    #expect(splitter.finish() == nil)
  }

  @Test func splitterCutsOffOverlongLines() {
    var splitter = LineSplitter(maxLineBytes: 4)
    #expect(splitter.split(Array("abc".utf8)).isEmpty)
    #expect(splitter.split(Array("defg\nok\n".utf8)) == [.tooLong(bytes: 7), .line(Array("ok".utf8))])
    #expect(splitter.split(Array("123456".utf8)).isEmpty)
    #expect(splitter.finish() == .tooLong(bytes: 6))
  }

  @Test func formatsByNameOrFlag() {
    #expect(InputFormat(path: "a/b/events.CSV") == .csv)
    #expect(InputFormat(path: "x.ndjson") == .jsonl && InputFormat(path: "x.json") == .jsonl)
    #expect(InputFormat(path: "x.txt") == nil && InputFormat(path: ".csv") == nil && InputFormat(path: "csv") == nil)
    #expect(InputFormat.of(input: "-", given: nil) == .jsonl)
    #expect(InputFormat.of(input: "x.txt", given: .csv) == .csv)
    #expect(InputFormat.of(input: "x.txt", given: nil) == nil)
  }

  @Test func jsonLinesNumberEveryLine() {
    let text = "\u{FEFF}{\"id\":\"a\"}\n\n  \n{oops\r\n{\"id\":\"b\"}"
    let decoded = decode(text, .jsonl)
    #expect(decoded.count == 3)
    #expect(decoded[0] == "a@1" && decoded[2] == "b@5")
    #expect(decoded[1].hasPrefix("!4: not a sluice.v1.Event in JSON"))
  }

  @Test func csvRecordsAreNumberedByTheirFirstLine() {
    let text = """
      \u{FEFF}id,data

      a,"two
      lines"
      b,x"y
      c,plain
      d,"never closed
      """
    #expect(
      decode(text, .csv) == [
        "a@3", "!5: a quote inside an unquoted field", "c@6", "!7: a quoted field is not closed before the end",
      ])
  }

  @Test func csvRecordsOfTheWrongWidthAreUnreadable() {
    #expect(decode("id,type\n1,t\n2\n3,t,extra\n4,t", .csv) == [
      "1@2", "!3: 1 fields; the header names 2", "!4: 3 fields; the header names 2", "4@5",
    ])
  }

  @Test func aBadHeaderSkipsTheInput() {
    var decoder = EventInputDecoder(format: .csv, defaultStream: nil)
    let outputs = lines("id,tpye\n1,t\n2,t").compactMap { decoder.decode($0) }
    #expect(outputs.count == 1)
    guard case .unreadable(let error) = outputs.first else {
      Issue.record("expected the header error")
      return
    }
    #expect(error == InputError(line: 1, reason: "bad header: unknown column \"tpye\""))
    #expect(decoder.isAbandoned)
  }

  @Test func overlongLinesAreUnreadableAndDecodingGoesOn() {
    var decoder = EventInputDecoder(format: .csv, defaultStream: "s")
    _ = decoder.decode(.line(Array("id,data".utf8)))
    _ = decoder.decode(.line(Array("a,\"open".utf8)))
    guard case .unreadable(let error) = decoder.decode(.tooLong(bytes: 99)) else {
      Issue.record("expected an unreadable line")
      return
    }
    #expect(error.line == 3)
    guard case .event(let event, let line) = decoder.decode(.line(Array("b,ok".utf8))) else {
      Issue.record("expected an event")
      return
    }
    #expect(event.id == "b" && line == 4 && event.stream == "s")
  }
}
