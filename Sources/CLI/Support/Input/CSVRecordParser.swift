/// Splits CSV text (RFC 4180) into records of fields, one line of input at a time, so a
/// file of any size streams through with one record in memory.
///
/// Fields are separated by commas; a field in double quotes may hold commas, line breaks
/// and doubled quotes (`""` for `"`). Lines end with LF or CRLF. A quote inside an
/// unquoted field, or text after a closing quote, is an error naming the line.
public struct CSVRecordParser: Sendable {
  private var fields: [String] = []
  private var field: [UInt8] = []
  private var inQuotes = false
  private var quoteClosed = false
  private var fieldStarted = false
  private var lineNumber = 0
  private var recordLine = 1

  /// A parser at the start of the input.
  public init() {}

  /// Feeds one line (without its line break). Returns the record it completes, or nil
  /// when the line ended inside a quoted field (the record continues on the next line).
  public mutating func feed(line: some Sequence<UInt8>) throws(InputError) -> [String]? {
    lineNumber += 1
    if !inQuotes {
      recordLine = lineNumber
    } else {
      field.append(UInt8(ascii: "\n"))
    }
    var bytes = Array(line)
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    for byte in bytes {
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          inQuotes = false
          quoteClosed = true
        } else {
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\""):
        if quoteClosed {
          // `""` inside a quoted field: a literal quote, and the field goes on.
          field.append(byte)
          inQuotes = true
          quoteClosed = false
        } else if fieldStarted {
          throw InputError(line: recordLine, reason: "a quote inside an unquoted field")
        } else {
          inQuotes = true
          fieldStarted = true
        }
      default:
        if quoteClosed {
          throw InputError(line: recordLine, reason: "text after a closing quote")
        }
        field.append(byte)
        fieldStarted = true
      }
    }
    if inQuotes { return nil }
    endField()
    defer { fields = [] }
    return fields
  }

  /// Checks the input did not end inside a quoted field.
  public func finish() throws(InputError) {
    if inQuotes {
      throw InputError(line: recordLine, reason: "a quoted field is not closed before the end")
    }
  }

  private mutating func endField() {
    fields.append(String(decoding: field, as: UTF8.self))
    field = []
    fieldStarted = false
    quoteClosed = false
  }
}
