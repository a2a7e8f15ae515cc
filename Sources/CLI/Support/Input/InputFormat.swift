/// The formats `sluice ingest` reads.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
  /// One event per line in proto3 JSON (``JSONLinesEventDecoder``).
  case jsonl
  /// CSV with a header row (``CSVEventMapper``).
  case csv

  /// The format a file's extension stands for: `.csv` is CSV; `.jsonl`, `.ndjson` and
  /// `.json` are JSON Lines. Nil for any other name.
  public init?(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "csv": self = .csv
    case "jsonl", "ndjson", "json": self = .jsonl
    default: return nil
    }
  }

  /// The format of one input: `given` (the `--format` flag) when set, else the file's
  /// extension; standard input (`-`) defaults to JSON Lines. Nil when nothing says.
  public static func of(input path: String, given: InputFormat?) -> InputFormat? {
    if let given { return given }
    if path == "-" { return .jsonl }
    return InputFormat(path: path)
  }
}
