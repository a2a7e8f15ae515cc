public import SluiceGenerated
public import SluiceRuntime

/// The requests of the read commands, built from their arguments. Times are
/// ``TimeArgument`` text; mistakes the server would refuse are caught here first, as
/// ``SettingError``s naming the flag.
public enum CommandRequests {
  /// How far back `stats` counts without `--since`.
  public static let defaultStatsWindow: Int64 = 3_600
  /// The longest range `stats` may count (the server's limit, 31 days).
  public static let maxStatsRange: Int64 = 31 * 86_400

  /// `query`: events of `stream` with time in [since, until), of any of `types` and
  /// `subjects` (all when empty), newest first unless `oldestFirst`.
  public static func query(
    stream: String, since: String?, until: String?, types: [String], subjects: [String],
    oldestFirst: Bool, now: Google_Protobuf_Timestamp
  ) throws(SettingError) -> Sluice_V1_QueryEventsRequest {
    var request = Sluice_V1_QueryEventsRequest()
    request.stream = try checkedStream(stream)
    request.startTime = try since.map { text throws(SettingError) in
      try TimeArgument.parse(text, option: "--since", now: now)
    }
    request.endTime = try until.map { text throws(SettingError) in
      try TimeArgument.parse(text, option: "--until", now: now)
    }
    try checkOrder(request.startTime, request.endTime)
    request.types = types
    request.subjects = subjects
    request.order = oldestFirst ? .oldestFirst : .newestFirst
    return request
  }

  /// `tail`: new events of `stream` of any of `types`, from now, after a sequence, or
  /// from an ingest time (at most one of the two).
  public static func tail(
    stream: String, afterSequence: Int64?, from: String?, types: [String],
    now: Google_Protobuf_Timestamp
  ) throws(SettingError) -> Sluice_V1_TailEventsRequest {
    var request = Sluice_V1_TailEventsRequest()
    request.stream = try checkedStream(stream)
    request.types = types
    switch (afterSequence, from) {
    case (.some, .some):
      throw SettingError("use either --after-sequence or --from, not both")
    case (.some(let sequence), nil):
      guard sequence >= 0 else {
        throw SettingError("--after-sequence: \(sequence) is negative")
      }
      request.start = .afterSequence(sequence)
    case (nil, .some(let text)):
      request.start = .fromIngestTime(try TimeArgument.parse(text, option: "--from", now: now))
    case (nil, nil):
      break
    }
    return request
  }

  /// `stats`: per-minute counts of `streams` and `types` (all when empty) over
  /// [since, until); by default the last hour up to the end of the current minute.
  public static func count(
    streams: [String], since: String?, until: String?, types: [String],
    now: Google_Protobuf_Timestamp
  ) throws(SettingError) -> Sluice_V1_CountEventsRequest {
    var request = Sluice_V1_CountEventsRequest()
    for stream in streams { _ = try checkedStream(stream) }
    request.streams = streams
    request.types = types
    let end: Google_Protobuf_Timestamp
    if let until {
      end = try TimeArgument.parse(until, option: "--until", now: now)
    } else {
      // The server rounds the end down to a minute: count the current minute in full.
      end = Google_Protobuf_Timestamp(seconds: (now.seconds / 60 + 1) * 60)
    }
    let start: Google_Protobuf_Timestamp
    if let since {
      start = try TimeArgument.parse(since, option: "--since", now: now)
    } else {
      start = Google_Protobuf_Timestamp(seconds: end.seconds - defaultStatsWindow)
    }
    try checkOrder(start, end)
    guard end.seconds - start.seconds <= maxStatsRange else {
      throw SettingError("--since and --until may be at most 31 days apart")
    }
    request.startTime = start
    request.endTime = end
    return request
  }

  /// `get`: the event (stream, id).
  public static func get(stream: String, id: String) throws(SettingError) -> Sluice_V1_GetEventRequest {
    guard !id.isEmpty else { throw SettingError("--id: the event id is empty") }
    var request = Sluice_V1_GetEventRequest()
    request.stream = try checkedStream(stream)
    request.id = id
    return request
  }

  static func checkedStream(_ stream: String) throws(SettingError) -> String {
    guard !stream.isEmpty else { throw SettingError("--stream: the stream name is empty") }
    return stream
  }

  static func checkOrder(_ start: Google_Protobuf_Timestamp?, _ end: Google_Protobuf_Timestamp?)
    throws(SettingError)
  {
    guard let start, let end else { return }
    if (start.seconds, start.nanos) >= (end.seconds, end.nanos) {
      throw SettingError(
        "--since (\(TimeArgument.format(start))) must be before --until (\(TimeArgument.format(end)))")
    }
  }
}
