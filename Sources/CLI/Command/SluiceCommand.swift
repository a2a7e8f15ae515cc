import ArgumentParser

/// `sluice`: the ingestion service and its command-line client.
@main
struct SluiceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sluice",
    abstract: "Schema-first event ingestion: serve, ingest, query, tail, stats.",
    subcommands: [ServeCommand.self])
}
