internal import CMariaDB

/// Output buffers for a stored result set: one bind per column, sized from the columns'
/// `max_length`, and the decoding of the current row into ``MariaDBValue``s.
struct ResultColumns {
  private enum Decoding {
    case signed, unsigned, double, timestamp, text, bytes
  }

  let binds: UnsafeMutablePointer<MYSQL_BIND>
  private let count: Int
  private let decodings: [Decoding]
  private let isNull: UnsafeMutablePointer<my_bool>
  private let lengths: UnsafeMutablePointer<UInt>
  private let errors: UnsafeMutablePointer<my_bool>
  private let buffers: [UnsafeMutableRawPointer]

  init(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) {
    self.count = count
    binds = .allocate(capacity: max(count, 1))
    isNull = .allocate(capacity: max(count, 1))
    lengths = .allocate(capacity: max(count, 1))
    errors = .allocate(capacity: max(count, 1))
    var decodings: [Decoding] = []
    var buffers: [UnsafeMutableRawPointer] = []
    for index in 0..<count {
      let field = fields[index]
      let decoding = Self.decoding(of: field)
      var bind = MYSQL_BIND()
      let size: Int
      switch decoding {
      case .signed, .unsigned:
        bind.buffer_type = MYSQL_TYPE_LONGLONG
        bind.is_unsigned = decoding == .unsigned ? 1 : 0
        size = 8
      case .double:
        bind.buffer_type = MYSQL_TYPE_DOUBLE
        size = 8
      case .timestamp:
        bind.buffer_type = MYSQL_TYPE_DATETIME
        size = MemoryLayout<MYSQL_TIME>.stride
      case .text, .bytes:
        bind.buffer_type = decoding == .text ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB
        size = max(Int(field.max_length), 1)
      }
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
      bind.buffer = buffer
      bind.buffer_length = UInt(size)
      bind.is_null = isNull + index
      bind.length = lengths + index
      bind.error = errors + index
      binds[index] = bind
      decodings.append(decoding)
      buffers.append(buffer)
    }
    self.decodings = decodings
    self.buffers = buffers
  }

  func deallocate() {
    for buffer in buffers { buffer.deallocate() }
    binds.deallocate()
    isNull.deallocate()
    lengths.deallocate()
    errors.deallocate()
  }

  /// Clears the truncation flags, which the library sets but does not clear for every type.
  func prepareFetch() {
    errors.update(repeating: 0, count: max(count, 1))
  }

  /// The values of the row the last `mysql_stmt_fetch` produced.
  func currentValues() -> [MariaDBValue] {
    var values: [MariaDBValue] = []
    values.reserveCapacity(count)
    for index in 0..<count {
      guard isNull[index] == 0 else {
        values.append(.null)
        continue
      }
      let buffer = buffers[index]
      switch decodings[index] {
      case .signed:
        values.append(.int(buffer.loadUnaligned(as: Int64.self)))
      case .unsigned:
        values.append(.uint(buffer.loadUnaligned(as: UInt64.self)))
      case .double:
        values.append(.double(buffer.loadUnaligned(as: Double.self)))
      case .timestamp:
        let time = buffer.load(as: MYSQL_TIME.self)
        if let timestamp = MariaDBTimestamp(
          year: Int(time.year), month: Int(time.month), day: Int(time.day), hour: Int(time.hour),
          minute: Int(time.minute), second: Int(time.second), microsecond: Int(time.second_part))
        {
          values.append(.timestamp(timestamp))
        } else {
          // Zero dates ("0000-00-00") have no instant: keep their text.
          values.append(.string("\(time.year)-\(time.month)-\(time.day) \(time.hour):\(time.minute):\(time.second)"))
        }
      case .text:
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index]))
        values.append(.string(String(decoding: bytes, as: UTF8.self)))
      case .bytes:
        values.append(.bytes(Array(UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index])))))
      }
    }
    return values
  }

  private static let binaryCharset: UInt32 = 63

  private static func decoding(of field: MYSQL_FIELD) -> Decoding {
    let unsigned = field.flags & UInt32(UNSIGNED_FLAG) != 0
    switch field.type {
    case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_INT24, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG,
      MYSQL_TYPE_YEAR:
      return unsigned ? .unsigned : .signed
    case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
      return .double
    case MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_NEWDATE:
      return .timestamp
    case MYSQL_TYPE_BIT:
      return .bytes
    case MYSQL_TYPE_STRING, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_VARCHAR, MYSQL_TYPE_TINY_BLOB,
      MYSQL_TYPE_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_GEOMETRY:
      return field.charsetnr == binaryCharset ? .bytes : .text
    default:
      // DECIMAL, TIME, ENUM, SET, JSON, NULL: MariaDB's text form.
      return .text
    }
  }
}
