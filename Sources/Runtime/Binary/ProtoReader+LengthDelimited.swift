extension ProtoReader {
  /// Reads a length prefix and checks that many bytes remain.
  @inlinable @inline(__always)
  mutating func readLength() throws(ProtoDecodingError) -> Int {
    let length = try readVarint()
    guard length <= UInt64(end - pointer) else { throw .lengthOutOfRange }
    return Int(length)
  }

  /// Reads a length-delimited string and validates its UTF-8.
  @inlinable
  public mutating func readString() throws(ProtoDecodingError) -> String {
    let count = try readLength()
    if count == 0 { return "" }
    let utf8 = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count)
    pointer += count
    guard let string = UTF8Validation.makeString(utf8) else {
      throw .invalidUTF8(fieldNumber: Int32(lastTag >> 3))
    }
    return string
  }

  /// Reads a length-delimited `bytes` value.
  @inlinable
  public mutating func readBytes() throws(ProtoDecodingError) -> [UInt8] {
    let count = try readLength()
    if count == 0 { return [] }
    let source = pointer
    pointer += count
    // Array(UnsafeBufferPointer) avoids the generic-metadata lookup that
    // `init(unsafeUninitializedCapacity:)` pays on every call.
    return Array(UnsafeBufferPointer(start: source.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// Reads an embedded message, merging it into `message` (one level deeper).
  @inlinable
  public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws(ProtoDecodingError) {
    var nested = try beginNested()
    try message.decodeMerging(from: &nested)
  }

  /// Returns a reader over the next length-delimited field (one nesting level deeper)
  /// and moves this reader past it. Used for map entries.
  @inlinable
  public mutating func beginNested() throws(ProtoDecodingError) -> ProtoReader {
    let count = try readLength()
    guard depthRemaining > 0 else { throw .recursionLimitExceeded }
    let start = pointer
    pointer += count
    return ProtoReader(
      start: start, end: pointer, depthRemaining: depthRemaining &- 1,
      discardUnknownFields: discardUnknownFields)
  }

  /// Returns a reader over the payload of a packed field and moves past it.
  @inlinable @inline(__always)
  mutating func beginPacked() throws(ProtoDecodingError) -> ProtoReader {
    let count = try readLength()
    let start = pointer
    pointer += count
    return ProtoReader(
      start: start, end: pointer, depthRemaining: depthRemaining,
      discardUnknownFields: discardUnknownFields)
  }

  // MARK: Skipping

  /// Skips the value of the field whose tag was just read, appending the field's exact
  /// bytes (tag included) to `fields` unless unknown fields are discarded.
  @inlinable
  public mutating func skipField(tag: UInt32, into fields: inout UnknownFields) throws(ProtoDecodingError) {
    let start = tagStart
    try skipField(tag: tag)
    if !discardUnknownFields {
      fields.append(UnsafeRawBufferPointer(start: start, count: pointer - start))
    }
  }

  /// Skips the value of the field whose tag was just read, dropping it.
  @inlinable
  public mutating func skipField(tag: UInt32) throws(ProtoDecodingError) {
    switch tag & 7 {
    case 0:
      _ = try readVarint()
    case 1:
      guard end - pointer >= 8 else { throw .truncated }
      pointer += 8
    case 2:
      pointer += try readLength()
    case 5:
      guard end - pointer >= 4 else { throw .truncated }
      pointer += 4
    case 3, 4:
      throw .groupsNotSupported
    default:
      throw .invalidWireType(UInt8(tag & 7))
    }
  }
}
