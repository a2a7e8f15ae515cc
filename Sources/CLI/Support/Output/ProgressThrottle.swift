/// Decides when a progress line is written and how: on a terminal one line rewritten in
/// place (`\r`, at most ten times a second), elsewhere (a log file, CI) a plain line now
/// and then, or nothing at all.
///
/// Pure: the caller passes the time and writes the text this returns.
public struct ProgressThrottle: Sendable {
  /// How progress shows.
  public enum Mode: Sendable, Hashable {
    /// A line redrawn in place (stderr is a terminal).
    case live
    /// A line every `interval` (stderr is a file or pipe).
    case periodic(Duration)
    /// No progress (`--quiet`).
    case off
  }

  /// Least time between two redraws of a live line.
  public static let liveInterval: Duration = .milliseconds(100)
  /// Time between plain progress lines by default.
  public static let periodicInterval: Duration = .seconds(5)
  /// Moves to the start of the line and clears it.
  static let clearLine = "\r\u{1B}[K"

  /// The mode.
  public let mode: Mode
  private var lastWrite: ContinuousClock.Instant
  /// Live: the line is on screen. Periodic: a line was written.
  private var lineShown = false

  /// A throttle in `mode`, starting at `start` (the first periodic line comes one
  /// interval later).
  public init(mode: Mode, start: ContinuousClock.Instant) {
    self.mode = mode
    lastWrite = start
  }

  /// The text to write for progress `line` at `now`, or nil when it is not time yet.
  public mutating func update(_ line: String, at now: ContinuousClock.Instant) -> String? {
    switch mode {
    case .off:
      return nil
    case .live:
      guard !lineShown || now - lastWrite >= Self.liveInterval else { return nil }
      lastWrite = now
      lineShown = true
      return Self.clearLine + line
    case .periodic(let interval):
      guard now - lastWrite >= interval else { return nil }
      lastWrite = now
      lineShown = true
      return line + "\n"
    }
  }

  /// The text to write before a message of its own line (a warning), so it does not run
  /// into the live progress line; the next update redraws the line.
  public mutating func interrupt() -> String {
    guard mode == .live, lineShown else { return "" }
    lineShown = false
    return Self.clearLine
  }

  /// The last progress line: drawn once more and ended (live), written when earlier
  /// lines were (periodic: a run too short for any says nothing), or nothing (off).
  public mutating func finish(_ line: String) -> String {
    defer { lineShown = false }
    switch mode {
    case .off:
      return ""
    case .live:
      return Self.clearLine + line + "\n"
    case .periodic:
      return lineShown ? line + "\n" : ""
    }
  }
}
