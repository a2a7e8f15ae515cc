public import SluiceGenerated
public import SluiceRuntime

/// What `sluice stats` shows: each stream's totals (from `ListStreams`) and the events
/// per minute, stream and type (from `CountEvents`), as tables or as one JSON object.
public struct StatsReport: Sendable {
  /// The streams shown, by name.
  public var streams: [Sluice_V1_StreamInfo]
  /// The per-minute counts, in the server's order (minute, stream, type).
  public var buckets: [Sluice_V1_CountBucket]
  /// The start of the counted range.
  public var start: Google_Protobuf_Timestamp
  /// The end of the counted range (excluded).
  public var end: Google_Protobuf_Timestamp

  /// A report of `streams` (only those named in `only`, when it is not empty) and the
  /// answer to `count`.
  public init(
    streams: [Sluice_V1_StreamInfo], only: [String], count: Sluice_V1_CountEventsRequest,
    buckets: [Sluice_V1_CountBucket]
  ) {
    let wanted = Set(only)
    self.streams = streams.filter { wanted.isEmpty || wanted.contains($0.name) }
      .sorted { $0.name < $1.name }
    self.buckets = buckets
    start = count.startTime ?? Google_Protobuf_Timestamp()
    end = count.endTime ?? Google_Protobuf_Timestamp()
  }

  /// The two tables with a heading each.
  public func table() -> String {
    var out: [String] = []
    if streams.isEmpty {
      out.append("No streams hold events.")
    } else {
      var totals = TextTable(columns: [
        .init("STREAM"), .init("EVENTS", .right), .init("OLDEST"), .init("NEWEST"),
      ])
      for stream in streams {
        totals.append([
          stream.name, IngestTally.grouped(Int(stream.events)),
          stream.oldestTime.map(TimeArgument.format) ?? "-",
          stream.newestTime.map(TimeArgument.format) ?? "-",
        ])
      }
      out.append(totals.render())
    }
    out.append("")
    let range = "from \(TimeArgument.formatMinute(start)) to \(TimeArgument.formatMinute(end)) UTC"
    guard !buckets.isEmpty else {
      out.append("No events \(range).")
      return out.joined(separator: "\n")
    }
    out.append("Events per minute \(range):")
    var perMinute = TextTable(columns: [
      .init("MINUTE"), .init("STREAM"), .init("TYPE"), .init("COUNT", .right),
    ])
    var total: Int64 = 0
    for bucket in buckets {
      total += bucket.count
      perMinute.append([
        bucket.minute.map(TimeArgument.formatMinute) ?? "-", bucket.stream, bucket.type,
        IngestTally.grouped(Int(bucket.count)),
      ])
    }
    perMinute.append(["total", "", "", IngestTally.grouped(Int(total))])
    out.append(perMinute.render())
    return out.joined(separator: "\n")
  }

  /// `{"streams": [StreamInfo...], "counts": [CountBucket...]}` in proto3 JSON, on one
  /// line.
  public func json() throws(JSONEncodingError) -> String {
    let streams = try self.streams.map { info throws(JSONEncodingError) in try info.jsonString() }
    let counts = try buckets.map { bucket throws(JSONEncodingError) in try bucket.jsonString() }
    return "{\"streams\":[\(streams.joined(separator: ","))],"
      + "\"counts\":[\(counts.joined(separator: ","))]}"
  }
}
