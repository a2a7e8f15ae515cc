import ArgumentParser
import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime

/// `sluice query`: events of a stream matching filters, as JSON Lines.
struct QueryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query",
    abstract: "Print events of a stream as JSON Lines (proto3 JSON, one event per line).",
    discussion: """
      TIME is RFC 3339 (2026-11-27T10:00:00Z), a date (2026-11-27), now, or relative to \
      now (-15m, -2h, -7d). Pages are fetched with the page token until --limit events \
      were printed, or until the last page with --all.
      """)

  @Option(help: ArgumentHelp("The stream to read.", valueName: "name"))
  var stream: String

  @Option(parsing: .unconditional, help: ArgumentHelp("Only events at or after TIME.", valueName: "time"))
  var since: String?

  @Option(parsing: .unconditional, help: ArgumentHelp("Only events before TIME.", valueName: "time"))
  var until: String?

  @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type (repeatable).", valueName: "type"))
  var types: [String] = []

  @Option(name: .customLong("subject"), help: ArgumentHelp("Only events with this subject (repeatable).", valueName: "subject"))
  var subjects: [String] = []

  @Option(help: "Most events to print (default 100).")
  var limit: Int?

  @Flag(help: "Print every matching event, however many.")
  var all = false

  @Option(help: "Events per page (1 to 1000).")
  var pageSize = QueryPaging.maxPageSize

  @Flag(help: "Oldest events first (default: newest first).")
  var oldestFirst = false

  @OptionGroup(title: "Connection")
  var connection: ClientOptions

  func validate() throws {
    if all && limit != nil { throw ValidationError("use either --limit or --all, not both") }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    guard (1...QueryPaging.maxPageSize).contains(pageSize) else {
      throw ValidationError("--page-size must be from 1 to \(QueryPaging.maxPageSize)")
    }
    _ = try request()
  }

  func request() throws -> Sluice_V1_QueryEventsRequest {
    try ReadCommand.request { () throws(SettingError) in
      try CommandRequests.query(
        stream: stream, since: since, until: until, types: types, subjects: subjects,
        oldestFirst: oldestFirst, now: ReadCommand.now())
    }
  }

  func run() async throws {
    let request = try request()
    let client = try connection.connect()
    defer { client.close() }
    var paging = QueryPaging(request: request, limit: all ? nil : (limit ?? 100), pageSize: pageSize)
    var out = OutputBuffer()
    defer { out.flush() }
    while let page = paging.nextRequest() {
      let response: Sluice_V1_QueryEventsResponse
      do {
        response = try await client.query.queryEvents(page, options: client.callOptions)
      } catch {
        out.flush()
        throw ReadCommand.failed(error)
      }
      for event in paging.take(response) {
        try out.jsonLine(event)
      }
    }
  }
}
