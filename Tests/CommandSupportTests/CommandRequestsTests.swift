import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import Testing

@Suite("CommandRequests")
struct CommandRequestsTests {
  let now = Google_Protobuf_Timestamp(seconds: 1_795_773_630)  // 2026-11-27T10:00:30Z

  @Test func queryCarriesEveryFilter() throws {
    let request = try CommandRequests.query(
      stream: "orders", since: "-1h", until: "2026-11-27T10:00:00Z", types: ["a", "b"],
      subjects: ["s"], oldestFirst: true, now: now)
    #expect(request.stream == "orders")
    #expect(request.startTime == .init(seconds: now.seconds - 3_600))
    #expect(request.endTime == .init(seconds: 1_795_773_600))
    #expect(request.types == ["a", "b"] && request.subjects == ["s"])
    #expect(request.order == .oldestFirst)
    let plain = try CommandRequests.query(
      stream: "o", since: nil, until: nil, types: [], subjects: [], oldestFirst: false, now: now)
    #expect(plain.startTime == nil && plain.endTime == nil && plain.order == .newestFirst)
  }

  @Test func queryMistakes() {
    #expect(throws: SettingError("--stream: the stream name is empty")) {
      try CommandRequests.query(stream: "", since: nil, until: nil, types: [], subjects: [], oldestFirst: false, now: now)
    }
    #expect(throws: SettingError.self) {
      try CommandRequests.query(stream: "o", since: "-1h", until: "-2h", types: [], subjects: [], oldestFirst: false, now: now)
    }
  }

  @Test func tailStartsFromNowASequenceOrATime() throws {
    #expect(try CommandRequests.tail(stream: "o", afterSequence: nil, from: nil, types: [], now: now).start == nil)
    #expect(try CommandRequests.tail(stream: "o", afterSequence: 42, from: nil, types: ["t"], now: now).start == .afterSequence(42))
    #expect(
      try CommandRequests.tail(stream: "o", afterSequence: nil, from: "-10s", types: [], now: now).start
        == .fromIngestTime(.init(seconds: now.seconds - 10)))
    #expect(throws: SettingError("use either --after-sequence or --from, not both")) {
      try CommandRequests.tail(stream: "o", afterSequence: 1, from: "now", types: [], now: now)
    }
    #expect(throws: SettingError("--after-sequence: -1 is negative")) {
      try CommandRequests.tail(stream: "o", afterSequence: -1, from: nil, types: [], now: now)
    }
  }

  @Test func countDefaultsToTheLastHourThroughTheCurrentMinute() throws {
    let request = try CommandRequests.count(streams: ["o"], since: nil, until: nil, types: [], now: now)
    #expect(request.endTime == .init(seconds: 1_795_773_660))
    #expect(request.startTime == .init(seconds: 1_795_773_660 - 3_600))
    #expect(request.streams == ["o"])
    let since = try CommandRequests.count(streams: [], since: "-2h", until: "now", types: ["t"], now: now)
    #expect(since.startTime == .init(seconds: now.seconds - 7_200) && since.endTime == now)
    #expect(throws: SettingError("--since and --until may be at most 31 days apart")) {
      try CommandRequests.count(streams: [], since: "-32d", until: nil, types: [], now: now)
    }
    #expect(throws: SettingError.self) {
      try CommandRequests.count(streams: [""], since: nil, until: nil, types: [], now: now)
    }
  }

  @Test func getNeedsBoth() throws {
    #expect(try CommandRequests.get(stream: "o", id: "7").id == "7")
    #expect(throws: SettingError("--id: the event id is empty")) { try CommandRequests.get(stream: "o", id: "") }
  }

  @Test func readFailuresMapToStatuses() {
    #expect(CommandStatus(readFailure: RPCError(code: .invalidArgument)) == .usage)
    #expect(CommandStatus(readFailure: RPCError(code: .notFound)) == .incomplete)
    #expect(CommandStatus(readFailure: RPCError(code: .unavailable)) == .failure)
    #expect(CommandStatus(readFailure: RPCError(code: .unauthenticated)) == .failure)
  }
}
