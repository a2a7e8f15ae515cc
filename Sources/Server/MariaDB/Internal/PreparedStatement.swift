internal import CMariaDB

/// A server-side prepared statement: binds ``MariaDBParameters``, executes, and reads any
/// result set into ``MariaDBValue``s. Owned by one ``MariaDBConnection``.
final class PreparedStatement {
  private let handle: UnsafeMutablePointer<MYSQL_STMT>
  let parameterCount: Int
  private let binds: UnsafeMutablePointer<MYSQL_BIND>
  /// Per parameter: the integer or double payload a bind points at.
  private let scalars: UnsafeMutablePointer<Int64>
  /// Per parameter: the byte length of text and bytes.
  private let lengths: UnsafeMutablePointer<UInt>

  init(connection: UnsafeMutablePointer<MYSQL>, sql: String) throws(MariaDBError) {
    guard let handle = mysql_stmt_init(connection) else {
      throw MariaDBError(handle: connection)
    }
    let status = sql.withCString { mysql_stmt_prepare(handle, $0, UInt(sql.utf8.count)) }
    guard status == 0 else {
      let error = MariaDBError(statement: handle)
      mysql_stmt_close(handle)
      throw error
    }
    var updateMaxLength: my_bool = 1
    _ = mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
    self.handle = handle
    parameterCount = Int(mysql_stmt_param_count(handle))
    binds = .allocate(capacity: max(parameterCount, 1))
    scalars = .allocate(capacity: max(parameterCount, 1))
    lengths = .allocate(capacity: max(parameterCount, 1))
  }

  deinit {
    mysql_stmt_close(handle)
    binds.deallocate()
    scalars.deallocate()
    lengths.deallocate()
  }

  /// Executes with the values `range` of `parameters` bound to the placeholders. When a
  /// result set has exactly `skipRowsWhenCount` rows, they are not decoded: the result
  /// then has no rows and `affectedRows` is their count.
  func execute(_ parameters: MariaDBParameters, range: Range<Int>, skipRowsWhenCount: Int? = nil)
    throws(MariaDBError) -> MariaDBResult
  {
    guard range.count == parameterCount else {
      throw .usage("the statement has \(parameterCount) placeholders but \(range.count) values were bound")
    }
    if parameterCount > 0 {
      try bind(parameters, range: range)
    } else {
      try check(mysql_stmt_execute(handle) == 0)
    }
    let result: MariaDBResult
    if mysql_stmt_field_count(handle) > 0 {
      result = try readResultSet(skipRowsWhenCount: skipRowsWhenCount)
    } else {
      result = MariaDBResult(
        affectedRows: mysql_stmt_affected_rows(handle), lastInsertID: mysql_stmt_insert_id(handle),
        warningCount: Int(mysql_stmt_warning_count(handle)))
    }
    return result
  }

  /// Points each bind at its value and executes while the values' storage is pinned.
  private func bind(_ parameters: MariaDBParameters, range: Range<Int>) throws(MariaDBError) {
    let slots = parameters.slots[range]
    let timestampCount = slots.reduce(0) { $0 + ($1.kind == .timestamp ? 1 : 0) }
    let times = UnsafeMutablePointer<MYSQL_TIME>.allocate(capacity: max(timestampCount, 1))
    defer { times.deallocate() }
    var status: Int32 = 0
    var bindFailed = false
    parameters.arena.withUnsafeBytes { arena in
      // A non-null address even for an empty arena: empty strings still need a buffer.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { placeholder in
        let base = UnsafeMutableRawPointer(mutating: arena.baseAddress ?? UnsafeRawPointer(placeholder.baseAddress!))
        var nextTime = 0
        for index in 0..<slots.count {
          let slot = slots[slots.startIndex + index]
          var bind = MYSQL_BIND()
          scalars[index] = slot.payload
          switch slot.kind {
          case .null:
            bind.buffer_type = MYSQL_TYPE_NULL
          case .int, .uint:
            bind.buffer_type = MYSQL_TYPE_LONGLONG
            bind.buffer = UnsafeMutableRawPointer(scalars + index)
            bind.is_unsigned = slot.kind == .uint ? 1 : 0
          case .double:
            bind.buffer_type = MYSQL_TYPE_DOUBLE
            bind.buffer = UnsafeMutableRawPointer(scalars + index)
          case .text, .bytes:
            bind.buffer_type = slot.kind == .text ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB
            bind.buffer = base + Int(slot.payload)
            bind.buffer_length = UInt(slot.length)
            lengths[index] = UInt(slot.length)
            bind.length = lengths + index
          case .timestamp:
            let c = MariaDBTimestamp(microsecondsSinceEpoch: slot.payload).components
            var time = MYSQL_TIME()
            time.year = UInt32(clamping: c.year)
            time.month = UInt32(c.month)
            time.day = UInt32(c.day)
            time.hour = UInt32(c.hour)
            time.minute = UInt32(c.minute)
            time.second = UInt32(c.second)
            time.second_part = UInt(c.microsecond)
            time.time_type = MYSQL_TIMESTAMP_DATETIME
            times[nextTime] = time
            bind.buffer_type = MYSQL_TYPE_DATETIME
            bind.buffer = UnsafeMutableRawPointer(times + nextTime)
            nextTime += 1
          }
          binds[index] = bind
        }
        if mysql_stmt_bind_param(handle, binds) != 0 {
          bindFailed = true
          return
        }
        status = mysql_stmt_execute(handle)
      }
    }
    try check(!bindFailed && status == 0)
  }

  private func readResultSet(skipRowsWhenCount: Int?) throws(MariaDBError) -> MariaDBResult {
    defer { mysql_stmt_free_result(handle) }
    try check(mysql_stmt_store_result(handle) == 0)
    let rowCount = mysql_stmt_num_rows(handle)
    if let skip = skipRowsWhenCount, rowCount == skip {
      return MariaDBResult(affectedRows: rowCount, warningCount: Int(mysql_stmt_warning_count(handle)))
    }
    guard let metadata = mysql_stmt_result_metadata(handle) else {
      throw MariaDBError(statement: handle)
    }
    defer { mysql_free_result(metadata) }
    let columnCount = Int(mysql_num_fields(metadata))
    let fields = mysql_fetch_fields(metadata)!
    let columns = ResultColumns(fields: fields, count: columnCount)
    defer { columns.deallocate() }
    try check(mysql_stmt_bind_result(handle, columns.binds) == 0)

    let names = MariaDBColumns(
      (0..<columnCount).map { String(cString: fields[$0].name) })
    var rows: [MariaDBRow] = []
    rows.reserveCapacity(Int(rowCount))
    while true {
      columns.prepareFetch()
      let status = mysql_stmt_fetch(handle)
      if status == MYSQL_NO_DATA { break }
      guard status == 0 else {
        if status == MYSQL_DATA_TRUNCATED {
          throw .usage("a column value did not fit its buffer")
        }
        throw MariaDBError(statement: handle)
      }
      rows.append(MariaDBRow(columns: names, values: columns.currentValues()))
    }
    return MariaDBResult(
      columns: names, rows: rows, affectedRows: UInt64(rows.count),
      lastInsertID: mysql_stmt_insert_id(handle), warningCount: Int(mysql_stmt_warning_count(handle)))
  }

  private func check(_ succeeded: Bool) throws(MariaDBError) {
    if !succeeded { throw MariaDBError(statement: handle) }
  }
}

extension MariaDBError {
  /// The statement handle's last error.
  init(statement: UnsafeMutablePointer<MYSQL_STMT>) {
    self.init(
      code: mysql_stmt_errno(statement), sqlState: String(cString: mysql_stmt_sqlstate(statement)),
      message: String(cString: mysql_stmt_error(statement)))
  }
}
