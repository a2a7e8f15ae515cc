import Foundation
public import SluiceGenerated
import SluiceRuntime

/// Turns CSV records into events by the names in the header row.
///
/// Columns: `stream`, `id`, `source`, `type`, `subject`, `time` (RFC 3339),
/// `data_content_type`, `data_schema`, `partition_key`, at most one of `data` (text),
/// `data_base64` (bytes) and `data_json` (a JSON value), and `ext.NAME` for a string
/// extension attribute. Empty cells leave a field unset. An unknown or repeated column is
/// an error in the header, so a misspelt column never passes silently.
public struct CSVEventMapper: Sendable {
  /// Columns the header may name, besides `ext.` ones.
  public static let knownColumns: Set<String> = [
    "stream", "id", "source", "type", "subject", "time", "data_content_type", "data_schema",
    "partition_key", "data", "data_base64", "data_json",
  ]

  private let columns: [String]
  private let defaultStream: String?

  /// A mapper for `header`; `defaultStream` fills events without a `stream` cell.
  public init(header: [String], defaultStream: String?) throws(InputError) {
    var seen = Set<String>()
    for name in header {
      guard Self.knownColumns.contains(name) || name.hasPrefix("ext.") && name.count > 4 else {
        throw InputError(line: 1, reason: "unknown column \"\(name)\"")
      }
      guard seen.insert(name).inserted else {
        throw InputError(line: 1, reason: "column \"\(name)\" appears twice")
      }
    }
    if seen.intersection(["data", "data_base64", "data_json"]).count > 1 {
      throw InputError(line: 1, reason: "use only one of data, data_base64 and data_json")
    }
    columns = header
    self.defaultStream = defaultStream
  }

  /// The event of one record (starting on `line`).
  public func event(from record: [String], line: Int) throws(InputError) -> Sluice_V1_Event {
    guard record.count == columns.count else {
      throw InputError(
        line: line, reason: "\(record.count) fields; the header names \(columns.count)")
    }
    var event = Sluice_V1_Event()
    if let defaultStream { event.stream = defaultStream }
    for (name, cell) in zip(columns, record) where !cell.isEmpty {
      switch name {
      case "stream": event.stream = cell
      case "id": event.id = cell
      case "source": event.source = cell
      case "type": event.type = cell
      case "subject": event.subject = cell
      case "data_content_type": event.dataContentType = cell
      case "data_schema": event.dataSchema = cell
      case "partition_key": event.partitionKey = cell
      case "data": event.data = .textData(cell)
      case "time":
        event.time = try Self.timestamp(cell, line: line)
      case "data_base64":
        guard let bytes = Data(base64Encoded: cell) else {
          throw InputError(line: line, reason: "data_base64 is not base64")
        }
        event.data = .binaryData(Array(bytes))
      case "data_json":
        do {
          event.data = .jsonData(try Google_Protobuf_Value(jsonString: cell))
        } catch {
          throw InputError(line: line, reason: "data_json is not JSON: \(error)")
        }
      default:
        var value = Sluice_V1_AttributeValue()
        value.attr = .ceString(cell)
        event.extensions[String(name.dropFirst(4))] = value
      }
    }
    return event
  }

  /// An RFC 3339 timestamp such as `2026-11-27T10:00:00Z`.
  static func timestamp(_ text: String, line: Int) throws(InputError) -> Google_Protobuf_Timestamp {
    guard !text.contains("\""), !text.contains("\\"),
      let timestamp = try? Google_Protobuf_Timestamp(jsonString: "\"\(text)\"")
    else {
      throw InputError(line: line, reason: "time \"\(text)\" is not an RFC 3339 timestamp")
    }
    return timestamp
  }
}
