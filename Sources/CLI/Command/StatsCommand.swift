import ArgumentParser
import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime

/// `sluice stats`: stream totals and events per minute.
struct StatsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Show each stream's totals and the events per minute, stream and type.",
    discussion: """
      The per-minute counts cover --since to --until (by event time): by default the last \
      hour, the current minute included. TIME is RFC 3339 or relative to now (-15m, -2h).
      """)

  @Option(name: .customLong("stream"), help: ArgumentHelp("Only this stream (repeatable).", valueName: "name"))
  var streams: [String] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("Count from TIME (default: an hour ago).", valueName: "time"))
  var since: String?

  @Option(parsing: .unconditional, help: ArgumentHelp("Count until TIME (default: the end of this minute).", valueName: "time"))
  var until: String?

  @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type (repeatable).", valueName: "type"))
  var types: [String] = []

  @Flag(help: "Print one JSON object ({\"streams\": [...], \"counts\": [...]}) instead of tables.")
  var json = false

  @OptionGroup(title: "Connection")
  var connection: ClientOptions

  func validate() throws {
    _ = try request()
  }

  func request() throws -> Sluice_V1_CountEventsRequest {
    try ReadCommand.request { () throws(SettingError) in
      try CommandRequests.count(
        streams: streams, since: since, until: until, types: types, now: ReadCommand.now())
    }
  }

  func run() async throws {
    let count = try request()
    let client = try connection.connect()
    defer { client.close() }
    let report: StatsReport
    do {
      async let listed = client.query.listStreams(
        Sluice_V1_ListStreamsRequest(), options: client.callOptions)
      let counted = try await client.query.countEvents(count, options: client.callOptions)
      report = StatsReport(
        streams: try await listed.streams, only: streams, count: count, buckets: counted.buckets)
    } catch {
      throw ReadCommand.failed(RPCError(error))
    }
    var out = OutputBuffer()
    out.line(json ? try report.json() : report.table())
    out.flush()
  }
}
