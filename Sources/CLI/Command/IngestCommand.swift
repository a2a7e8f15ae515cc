import ArgumentParser
import SluiceCommandSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sluice ingest`: loads events from JSON Lines or CSV files, or standard input.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Ingest events from JSON Lines or CSV files, or standard input.",
    discussion: """
      JSON Lines: one sluice.v1.Event per line in proto3 JSON, such as \
      {"id": "1", "source": "/shop", "type": "order.created", "jsonData": {"total": 12}}. \
      CSV: a header row naming the columns stream, id, source, type, subject, time, \
      data_content_type, data_schema, partition_key, data, data_base64, data_json and \
      ext.NAME.

      Events go in batches of Ingest calls, a few at a time. Lines that cannot be read are \
      reported on standard error and never sent; the summary of accepted, duplicate and \
      rejected events goes to standard output. Ingesting the same input again is safe: \
      events already stored are reported as duplicates, not stored twice.
      """)

  @Argument(help: ArgumentHelp("Files to read; standard input when none, or for -.", valueName: "file"))
  var files: [String] = []

  @Option(
    help: ArgumentHelp(
      "The input format, jsonl or csv (default: by file extension; jsonl for standard input).",
      valueName: "format"))
  var format: String?

  @Option(help: ArgumentHelp("The stream of events that name none.", valueName: "name"))
  var stream: String?

  @Option(help: "Events per Ingest call (1 to 10000).")
  var batchSize = 500

  @Option(help: "Most Ingest calls in flight at once (1 to 64).")
  var inFlight = 4

  @Flag(help: "All or nothing per batch: a batch with an invalid event stores none of its events.")
  var atomic = false

  @Option(help: "Most rejected events, and most unreadable lines, listed one by one.")
  var maxListed = 20

  @Flag(name: .shortAndLong, help: "No progress on standard error.")
  var quiet = false

  @OptionGroup(title: "Connection")
  var connection: ClientOptions

  func validate() throws {
    guard (1...10_000).contains(batchSize) else {
      throw ValidationError("--batch-size must be from 1 to 10000")
    }
    guard (1...64).contains(inFlight) else {
      throw ValidationError("--in-flight must be from 1 to 64")
    }
    guard maxListed >= 0 else { throw ValidationError("--max-listed must not be negative") }
    if let stream, stream.isEmpty { throw ValidationError("--stream: the stream name is empty") }
    if let format, InputFormat(rawValue: format) == nil {
      throw ValidationError("--format must be jsonl or csv, not \"\(format)\"")
    }
    for path in inputPaths where InputFormat.of(input: path, given: givenFormat) == nil {
      throw ValidationError(
        "cannot tell the format of \(path) from its name; use --format jsonl or --format csv")
    }
    guard inputPaths.filter({ $0 == "-" }).count <= 1 else {
      throw ValidationError("standard input (-) can be read only once")
    }
    for path in inputPaths where path != "-" && access(path, R_OK) != 0 {
      throw ValidationError("cannot read \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// The `--format` given.
  var givenFormat: InputFormat? { format.flatMap(InputFormat.init(rawValue:)) }

  /// The inputs in order; standard input when no file is named.
  var inputPaths: [String] { files.isEmpty ? ["-"] : files }

  func run() async throws {
    let paths = inputPaths
    var inputs: [IngestRun.Input] = []
    for path in paths {
      do {
        inputs.append(
          IngestRun.Input(
            reader: try InputReader(path: path),
            format: InputFormat.of(input: path, given: givenFormat) ?? .jsonl))
      } catch {
        throw ValidationError("cannot read \(error)")
      }
    }
    let client = try connection.connect()
    defer { client.close() }
    let run = IngestRun(
      inputs: inputs, client: client, batchSize: batchSize, maxInFlight: inFlight, atomic: atomic,
      defaultStream: stream, maxListed: maxListed,
      console: Console(progress: Console.progressMode(quiet: quiet)))
    let status = await run.run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
