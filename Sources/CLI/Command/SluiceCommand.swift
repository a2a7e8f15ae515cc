import ArgumentParser

/// `sluice`: the ingestion service and its command-line client. ``SluiceMain`` runs it.
struct SluiceCommand: AsyncParsableCommand {
  /// The subcommands, in the order help lists them. A new command goes here.
  static let subcommands: [any ParsableCommand.Type] = [
    ServeCommand.self, IngestCommand.self, QueryCommand.self, TailCommand.self,
    StatsCommand.self, GetCommand.self,
  ]

  static let configuration = CommandConfiguration(
    commandName: "sluice",
    abstract: "Schema-first event ingestion: serve, ingest, query, tail, stats.",
    discussion: """
      The client commands (ingest, query, tail, stats, get) talk to a Sluice server \
      (--server, default 127.0.0.1:50051); their connection options can also come from \
      SLUICE_* environment variables: SLUICE_SERVER, SLUICE_TLS, SLUICE_TLS_CA, \
      SLUICE_TLS_CERT, SLUICE_TLS_KEY, SLUICE_TLS_SERVER_NAME, SLUICE_TIMEOUT, SLUICE_TOKEN.

      Exit status of the client commands: 0 success; 1 some events rejected or lines \
      unreadable, or the event asked for does not exist; 2 a usage error; 3 the server \
      could not be reached or the call failed; 130 an ingest interrupted.
      """,
    subcommands: subcommands)
}
