import ArgumentParser
import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime

/// `sluice tail`: new events of a stream as they are stored, until Ctrl-C.
struct TailCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tail",
    abstract: "Print new events of a stream as JSON Lines as they are stored, until interrupted.",
    discussion: """
      Starts with events stored from now on, or after a sequence number (as events carry \
      in "sequence"), or with events ingested at or after a TIME (RFC 3339 or relative, \
      such as -15m). Ctrl-C (SIGINT) ends it with status 0.
      """)

  @Option(help: ArgumentHelp("The stream to follow.", valueName: "name"))
  var stream: String

  @Option(help: ArgumentHelp("Start after this sequence number.", valueName: "n"))
  var afterSequence: Int64?

  @Option(parsing: .unconditional, help: ArgumentHelp("Start with events ingested at or after TIME.", valueName: "time"))
  var from: String?

  @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type (repeatable).", valueName: "type"))
  var types: [String] = []

  @OptionGroup(title: "Connection")
  var connection: ClientOptions

  func validate() throws {
    _ = try request()
  }

  func request() throws -> Sluice_V1_TailEventsRequest {
    try ReadCommand.request { () throws(SettingError) in
      try CommandRequests.tail(
        stream: stream, afterSequence: afterSequence, from: from, types: types, now: ReadCommand.now())
    }
  }

  func run() async throws {
    let request = try request()
    let client = try connection.connect()
    defer { client.close() }
    let follow = Task { () async throws in
      let events = try await client.query.tailEvents(request)
      var out = OutputBuffer()
      for try await response in events {
        guard let event = response.event else { continue }
        do {
          try out.jsonLine(event)
        } catch {
          throw RPCError(code: .internal, message: "event \(event.id) has no JSON form: \(error)")
        }
        out.flush()
      }
    }
    let signals = SignalWatcher { follow.cancel() }
    let result = await follow.result
    signals.cancel()
    switch result {
    case .success:
      Console.writeError("the server ended the tail\n")
    case .failure(let error):
      if follow.isCancelled { return }
      throw ReadCommand.failed(RPCError(error))
    }
  }
}
