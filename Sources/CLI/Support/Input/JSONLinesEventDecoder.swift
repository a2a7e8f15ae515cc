public import SluiceGenerated
import SluiceRuntime

/// Reads one event per line of JSON Lines input, each line an event in proto3 JSON
/// (`{"id": "1", "source": "/s", "type": "t", "jsonData": {...}}`). Blank lines are
/// skipped.
public struct JSONLinesEventDecoder: Sendable {
  private let defaultStream: String?

  /// A decoder; `defaultStream` fills events without a `stream`.
  public init(defaultStream: String?) {
    self.defaultStream = defaultStream
  }

  /// The event on `line` (numbered `number`), or nil for a blank line.
  public func event(fromLine line: [UInt8], number: Int) throws(InputError) -> Sluice_V1_Event? {
    guard line.contains(where: { !Self.isSpace($0) }) else { return nil }
    var event: Sluice_V1_Event
    do {
      event = try Sluice_V1_Event(jsonUTF8: line)
    } catch {
      throw InputError(line: number, reason: "not a sluice.v1.Event in JSON: \(error)")
    }
    if event.stream.isEmpty, let defaultStream {
      event.stream = defaultStream
    }
    return event
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
