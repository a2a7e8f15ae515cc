/// Reads the binary protobuf encoding from memory the caller keeps alive.
///
/// Every read checks the bounds of the reader's range; malformed input of any kind
/// becomes a `ProtoDecodingError`. Length-delimited values are checked against the
/// bytes that remain before anything is allocated.
public struct ProtoReader {
  @usableFromInline
  var pointer: UnsafeRawPointer

  @usableFromInline
  let end: UnsafeRawPointer

  /// Start of the tag `readTag()` returned last, so skipped fields keep their exact bytes.
  @usableFromInline
  var tagStart: UnsafeRawPointer

  /// The tag `readTag()` returned last (for error messages).
  @usableFromInline
  var lastTag: UInt32

  /// How many more levels of nesting may be entered.
  @usableFromInline
  let depthRemaining: Int

  @usableFromInline
  let discardUnknownFields: Bool

  /// Creates a reader over `buffer`, which must stay valid while the reader is used.
  @inlinable
  public init(buffer: UnsafeRawBufferPointer, options: ProtoDecodingOptions = .init()) {
    let base = buffer.baseAddress ?? UnsafeRawPointer(ProtoWriter.emptyBase)
    self.init(
      start: base, end: base + buffer.count,
      depthRemaining: options.recursionLimit,
      discardUnknownFields: options.discardUnknownFields)
  }

  @inlinable
  init(start: UnsafeRawPointer, end: UnsafeRawPointer, depthRemaining: Int, discardUnknownFields: Bool) {
    pointer = start
    self.end = end
    tagStart = start
    lastTag = 0
    self.depthRemaining = depthRemaining
    self.discardUnknownFields = discardUnknownFields
  }

  /// Whether every byte has been consumed.
  @inlinable
  public var isAtEnd: Bool { pointer == end }

  /// How many bytes remain.
  @inlinable
  public var remainingCount: Int { end - pointer }

  // MARK: Tags

  /// Reads the next tag, or returns nil at the end of the reader's range.
  ///
  /// Throws on field number 0 or above 2^29 - 1, wire types 3/4
  /// (`groupsNotSupported`) and 6/7 (`invalidWireType`), and truncation.
  @inlinable @inline(__always)
  public mutating func readTag() throws(ProtoDecodingError) -> UInt32? {
    if pointer == end { return nil }
    tagStart = pointer
    let first = pointer.load(as: UInt8.self)
    let tag: UInt32
    if first < 0x80 {
      pointer += 1
      tag = UInt32(first)
    } else {
      tag = try readLongTag()
    }
    // Valid wire types are 0, 1, 2 and 5 (mask 0b10_0111); field number must be > 0.
    if tag < 8 || (0x27 &>> (tag & 7)) & 1 == 0 {
      try ProtoReader.rejectTag(tag)
    }
    lastTag = tag
    return tag
  }

  @usableFromInline
  mutating func readLongTag() throws(ProtoDecodingError) -> UInt32 {
    let value = try readLongVarint()
    guard value <= UInt64(UInt32.max) else { throw .invalidFieldNumber }
    return UInt32(value)
  }

  @usableFromInline
  static func rejectTag(_ tag: UInt32) throws(ProtoDecodingError) {
    if tag >> 3 == 0 { throw .invalidFieldNumber }
    switch tag & 7 {
    case 3, 4: throw .groupsNotSupported
    default: throw .invalidWireType(UInt8(tag & 7))
    }
  }

  // MARK: Varints

  /// Reads a raw base-128 varint.
  @inlinable @inline(__always)
  public mutating func readVarint() throws(ProtoDecodingError) -> UInt64 {
    if pointer != end {
      let byte = pointer.load(as: UInt8.self)
      if byte < 0x80 {
        pointer += 1
        return UInt64(byte)
      }
    }
    return try readLongVarint()
  }

  @usableFromInline
  mutating func readLongVarint() throws(ProtoDecodingError) -> UInt64 {
    var p = pointer
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard p != end else { throw .truncated }
      let byte = p.load(as: UInt8.self)
      p += 1
      if shift == 63 && byte > 1 { throw .malformedVarint }
      result |= UInt64(byte & 0x7F) &<< shift
      if byte < 0x80 {
        pointer = p
        return result
      }
      shift &+= 7
      if shift > 63 { throw .malformedVarint }
    }
  }

  /// Reads an `int32` (a varint truncated to 32 bits).
  @inlinable @inline(__always)
  public mutating func readInt32() throws(ProtoDecodingError) -> Int32 {
    Int32(truncatingIfNeeded: try readVarint())
  }

  /// Reads an `int64` varint.
  @inlinable @inline(__always)
  public mutating func readInt64() throws(ProtoDecodingError) -> Int64 {
    Int64(bitPattern: try readVarint())
  }

  /// Reads a `uint32` (a varint truncated to 32 bits).
  @inlinable @inline(__always)
  public mutating func readUInt32() throws(ProtoDecodingError) -> UInt32 {
    UInt32(truncatingIfNeeded: try readVarint())
  }

  /// Reads a `uint64` varint.
  @inlinable @inline(__always)
  public mutating func readUInt64() throws(ProtoDecodingError) -> UInt64 {
    try readVarint()
  }

  /// Reads a zigzag-encoded `sint32`.
  @inlinable @inline(__always)
  public mutating func readSInt32() throws(ProtoDecodingError) -> Int32 {
    ZigZag.decode(UInt32(truncatingIfNeeded: try readVarint()))
  }

  /// Reads a zigzag-encoded `sint64`.
  @inlinable @inline(__always)
  public mutating func readSInt64() throws(ProtoDecodingError) -> Int64 {
    ZigZag.decode(try readVarint())
  }

  /// Reads a `bool` (any non-zero varint is `true`).
  @inlinable @inline(__always)
  public mutating func readBool() throws(ProtoDecodingError) -> Bool {
    try readVarint() != 0
  }

  /// Reads an enum value; numbers without a case become `unrecognized`.
  @inlinable @inline(__always)
  public mutating func readEnum<E: ProtoEnum>() throws(ProtoDecodingError) -> E {
    E(rawValue: Int32(truncatingIfNeeded: try readVarint()))
  }

  // MARK: Fixed width

  /// Reads 4 little-endian bytes.
  @inlinable @inline(__always)
  public mutating func readFixed32() throws(ProtoDecodingError) -> UInt32 {
    guard end - pointer >= 4 else { throw .truncated }
    let value = pointer.loadUnaligned(as: UInt32.self)
    pointer += 4
    return UInt32(littleEndian: value)
  }

  /// Reads 8 little-endian bytes.
  @inlinable @inline(__always)
  public mutating func readFixed64() throws(ProtoDecodingError) -> UInt64 {
    guard end - pointer >= 8 else { throw .truncated }
    let value = pointer.loadUnaligned(as: UInt64.self)
    pointer += 8
    return UInt64(littleEndian: value)
  }

  /// Reads an `sfixed32`.
  @inlinable @inline(__always)
  public mutating func readSFixed32() throws(ProtoDecodingError) -> Int32 {
    Int32(bitPattern: try readFixed32())
  }

  /// Reads an `sfixed64`.
  @inlinable @inline(__always)
  public mutating func readSFixed64() throws(ProtoDecodingError) -> Int64 {
    Int64(bitPattern: try readFixed64())
  }

  /// Reads a `float`.
  @inlinable @inline(__always)
  public mutating func readFloat() throws(ProtoDecodingError) -> Float {
    Float(bitPattern: try readFixed32())
  }

  /// Reads a `double`.
  @inlinable @inline(__always)
  public mutating func readDouble() throws(ProtoDecodingError) -> Double {
    Double(bitPattern: try readFixed64())
  }
}
