import ArgumentParser
import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime

/// `sluice get`: one event by stream and id.
struct GetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "get",
    abstract: "Print one event, by stream and id, as JSON (status 1 when there is none).")

  @Option(help: ArgumentHelp("The event's stream.", valueName: "name"))
  var stream: String

  @Option(help: ArgumentHelp("The event's id.", valueName: "id"))
  var id: String

  @OptionGroup(title: "Connection")
  var connection: ClientOptions

  func validate() throws {
    _ = try request()
  }

  func request() throws -> Sluice_V1_GetEventRequest {
    try ReadCommand.request { () throws(SettingError) in
      try CommandRequests.get(stream: stream, id: id)
    }
  }

  func run() async throws {
    let request = try request()
    let client = try connection.connect()
    defer { client.close() }
    let event: Sluice_V1_Event
    do {
      event = try await client.query.getEvent(request, options: client.callOptions)
    } catch {
      throw ReadCommand.failed(error)
    }
    var out = OutputBuffer()
    try out.jsonLine(event)
    out.flush()
  }
}
