import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import Testing

@Suite("TextTable and StatsReport")
struct StatsReportTests {
  @Test func tablesPadColumnsAndAlignNumbersRight() {
    var table = TextTable(columns: [.init("NAME"), .init("N", .right), .init("NOTE")])
    table.append(["alpha", "1", ""])
    table.append(["b", "1,000"])
    #expect(
      table.render() == """
        NAME       N  NOTE
        alpha      1
        b      1,000
        """)
  }

  func stream(_ name: String, _ events: Int64) -> Sluice_V1_StreamInfo {
    var info = Sluice_V1_StreamInfo()
    info.name = name
    info.events = events
    info.oldestTime = .init(seconds: 1_795_773_600)
    info.newestTime = .init(seconds: 1_795_777_200)
    return info
  }

  func bucket(_ minute: Int64, _ stream: String, _ type: String, _ count: Int64) -> Sluice_V1_CountBucket {
    var bucket = Sluice_V1_CountBucket()
    bucket.minute = .init(seconds: 1_795_773_600 + minute * 60)
    bucket.stream = stream
    bucket.type = type
    bucket.count = count
    return bucket
  }

  var count: Sluice_V1_CountEventsRequest {
    var request = Sluice_V1_CountEventsRequest()
    request.startTime = .init(seconds: 1_795_773_600)
    request.endTime = .init(seconds: 1_795_777_200)
    return request
  }

  @Test func reportShowsTotalsThenMinutes() {
    let report = StatsReport(
      streams: [stream("orders", 1_500), stream("clicks", 2), stream("other", 9)], only: ["orders", "clicks"],
      count: count, buckets: [bucket(0, "orders", "created", 1_200), bucket(1, "clicks", "click", 2)])
    #expect(
      report.table() == """
        STREAM  EVENTS  OLDEST                NEWEST
        clicks       2  2026-11-27T10:00:00Z  2026-11-27T11:00:00Z
        orders   1,500  2026-11-27T10:00:00Z  2026-11-27T11:00:00Z

        Events per minute from 2026-11-27 10:00 to 2026-11-27 11:00 UTC:
        MINUTE            STREAM  TYPE     COUNT
        2026-11-27 10:00  orders  created  1,200
        2026-11-27 10:01  clicks  click        2
        total                              1,202
        """)
  }

  @Test func emptyReportsSaySo() {
    let report = StatsReport(streams: [], only: [], count: count, buckets: [])
    #expect(
      report.table() == """
        No streams hold events.

        No events from 2026-11-27 10:00 to 2026-11-27 11:00 UTC.
        """)
  }

  @Test func jsonHoldsBothListsInProto3JSON() throws {
    let report = StatsReport(streams: [stream("o", 3)], only: [], count: count, buckets: [bucket(0, "o", "t", 3)])
    #expect(
      try report.json()
        == #"{"streams":[{"name":"o","events":"3","oldestTime":"2026-11-27T10:00:00Z","newestTime":"2026-11-27T11:00:00Z"}],"#
        + #""counts":[{"minute":"2026-11-27T10:00:00Z","stream":"o","type":"t","count":"3"}]}"#)
  }
}
