public import SluiceGenerated

/// Turns the lines of one input into events, in either format, numbering lines from 1.
///
/// JSON Lines: one event per line, blank lines skipped. CSV: the first record is the
/// header; blank lines are skipped; a quoted field may span lines, and its event is
/// numbered by the line it starts on. A line that cannot become an event is reported and
/// decoding goes on with the next one, except when the CSV header itself is wrong: then
/// the rest of the input is skipped (``isAbandoned``).
public struct EventInputDecoder: Sendable {
  /// What one line gave.
  public enum Output: Sendable {
    /// An event, and the line it starts on.
    case event(Sluice_V1_Event, line: Int)
    /// A line (or record) that is not an event: where and why.
    case unreadable(InputError)
  }

  private enum State: Sendable {
    case jsonLines(JSONLinesEventDecoder)
    case csvHeader
    case csvRecords(CSVEventMapper)
    case abandoned
  }

  private var state: State
  private let defaultStream: String?
  private var parser = CSVRecordParser()
  /// Lines consumed before the current parser was made (a parser restarts its count
  /// after an error).
  private var parserOffset = 0
  /// The line the record being assembled started on.
  private var recordStart: Int?
  /// Lines seen so far.
  public private(set) var lineNumber = 0

  /// A decoder of `format`; `defaultStream` fills events that name no stream.
  public init(format: InputFormat, defaultStream: String?) {
    self.defaultStream = defaultStream
    switch format {
    case .jsonl: state = .jsonLines(JSONLinesEventDecoder(defaultStream: defaultStream))
    case .csv: state = .csvHeader
    }
  }

  /// Whether the input is being skipped after a bad CSV header.
  public var isAbandoned: Bool {
    if case .abandoned = state { return true }
    return false
  }

  /// Decodes the next piece of input; nil when it gives nothing (a blank line, the CSV
  /// header, part of a record that goes on, or input skipped after a bad header).
  public mutating func decode(_ piece: LineSplitter.Piece) -> Output? {
    lineNumber += 1
    switch piece {
    case .line(var bytes):
      if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      return decode(line: bytes)
    case .tooLong(let count):
      switch state {
      case .abandoned: return nil
      case .csvHeader: state = .abandoned
      case .jsonLines, .csvRecords: resetParser()
      }
      return .unreadable(
        InputError(line: lineNumber, reason: "the line is \(count) bytes long, more than an event may be"))
    }
  }

  /// Checks the input did not end inside a quoted CSV field.
  public mutating func finish() -> Output? {
    guard case .csvRecords = state else { return nil }
    do {
      try parser.finish()
      return nil
    } catch {
      return .unreadable(InputError(line: error.line + parserOffset, reason: error.reason))
    }
  }

  private mutating func decode(line bytes: [UInt8]) -> Output? {
    switch state {
    case .abandoned:
      return nil
    case .jsonLines(let decoder):
      do {
        guard let event = try decoder.event(fromLine: bytes, number: lineNumber) else { return nil }
        return .event(event, line: lineNumber)
      } catch {
        return .unreadable(error)
      }
    case .csvHeader, .csvRecords:
      if recordStart == nil {
        guard bytes.contains(where: { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ") }) else {
          parserOffset += 1  // a blank line is skipped, not fed
          return nil
        }
        recordStart = lineNumber
      }
      let record: [String]
      do {
        guard let complete = try parser.feed(line: bytes) else { return nil }
        record = complete
      } catch {
        let failure = InputError(line: error.line + parserOffset, reason: error.reason)
        resetParser()
        if case .csvHeader = state {
          state = .abandoned
        }
        return .unreadable(failure)
      }
      let line = recordStart ?? lineNumber
      recordStart = nil
      return decode(record: record, line: line)
    }
  }

  private mutating func decode(record: [String], line: Int) -> Output? {
    switch state {
    case .csvHeader:
      do {
        state = .csvRecords(try CSVEventMapper(header: record, defaultStream: defaultStream))
        return nil
      } catch {
        state = .abandoned
        return .unreadable(InputError(line: line, reason: "bad header: \(error.reason)"))
      }
    case .csvRecords(let mapper):
      do {
        return .event(try mapper.event(from: record, line: line), line: line)
      } catch {
        return .unreadable(error)
      }
    case .jsonLines, .abandoned:
      return nil
    }
  }

  /// Starts a fresh CSV parser after an error, so the next line begins a new record.
  private mutating func resetParser() {
    parser = CSVRecordParser()
    parserOffset = lineNumber
    recordStart = nil
  }
}
