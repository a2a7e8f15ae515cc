/// Writes the binary protobuf encoding into memory sized beforehand by
/// `serializedSize()`.
///
/// Writes are unchecked: the caller guarantees room for everything it writes, which
/// `ProtoMessage.serializedBytes()` does by allocating exactly `serializedSize()` bytes.
public struct ProtoWriter {
  @usableFromInline
  var pointer: UnsafeMutableRawPointer

  @usableFromInline
  let start: UnsafeMutableRawPointer

  /// Creates a writer that fills `buffer` from its start.
  ///
  /// `buffer` must be large enough for everything written; an empty buffer may only
  /// receive empty messages.
  @inlinable
  public init(buffer: UnsafeMutableRawBufferPointer) {
    let base = buffer.baseAddress ?? ProtoWriter.emptyBase
    pointer = base
    start = base
  }

  @usableFromInline
  static var emptyBase: UnsafeMutableRawPointer {
    UnsafeMutableRawPointer(bitPattern: MemoryLayout<UInt64>.alignment)!
  }

  /// How many bytes have been written so far.
  @inlinable
  public var bytesWritten: Int { pointer - start }

  // MARK: Varints

  /// Writes a tag (`fieldNumber << 3 | wireType`) as a varint.
  @inlinable @inline(__always)
  public mutating func writeTag(_ tag: UInt32) {
    if tag < 0x80 {
      pointer.storeBytes(of: UInt8(truncatingIfNeeded: tag), as: UInt8.self)
      pointer += 1
    } else {
      writeVarint(UInt64(tag))
    }
  }

  /// Writes `value` as a base-128 varint (1 to 10 bytes).
  @inlinable @inline(__always)
  public mutating func writeVarint(_ value: UInt64) {
    if value < 0x80 {
      pointer.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
      pointer += 1
    } else {
      writeLongVarint(value)
    }
  }

  @inlinable
  mutating func writeLongVarint(_ value: UInt64) {
    var v = value
    var p = pointer
    while v >= 0x80 {
      p.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, as: UInt8.self)
      p += 1
      v >>= 7
    }
    p.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
    pointer = p + 1
  }

  /// Writes an `int32`; negative values take 10 bytes (sign-extended to 64 bits).
  @inlinable @inline(__always)
  public mutating func writeInt32(_ value: Int32) {
    writeVarint(UInt64(bitPattern: Int64(value)))
  }

  /// Writes an `int64` varint.
  @inlinable @inline(__always)
  public mutating func writeInt64(_ value: Int64) {
    writeVarint(UInt64(bitPattern: value))
  }

  /// Writes a `uint32` varint.
  @inlinable @inline(__always)
  public mutating func writeUInt32(_ value: UInt32) { writeVarint(UInt64(value)) }

  /// Writes a `uint64` varint.
  @inlinable @inline(__always)
  public mutating func writeUInt64(_ value: UInt64) { writeVarint(value) }

  /// Writes a zigzag-encoded `sint32`.
  @inlinable @inline(__always)
  public mutating func writeSInt32(_ value: Int32) { writeVarint(UInt64(ZigZag.encode(value))) }

  /// Writes a zigzag-encoded `sint64`.
  @inlinable @inline(__always)
  public mutating func writeSInt64(_ value: Int64) { writeVarint(ZigZag.encode(value)) }

  /// Writes a `bool` as a one-byte varint.
  @inlinable @inline(__always)
  public mutating func writeBool(_ value: Bool) {
    pointer.storeBytes(of: value ? 1 : 0, as: UInt8.self)
    pointer += 1
  }

  /// Writes an enum value as an `int32` varint.
  @inlinable @inline(__always)
  public mutating func writeEnum<E: ProtoEnum>(_ value: E) { writeInt32(value.rawValue) }

  // MARK: Fixed width

  /// Writes 4 bytes, little-endian.
  @inlinable @inline(__always)
  public mutating func writeFixed32(_ value: UInt32) {
    pointer.storeBytes(of: value.littleEndian, as: UInt32.self)
    pointer += 4
  }

  /// Writes 8 bytes, little-endian.
  @inlinable @inline(__always)
  public mutating func writeFixed64(_ value: UInt64) {
    pointer.storeBytes(of: value.littleEndian, as: UInt64.self)
    pointer += 8
  }

  /// Writes an `sfixed32` (4 bytes, little-endian).
  @inlinable @inline(__always)
  public mutating func writeSFixed32(_ value: Int32) { writeFixed32(UInt32(bitPattern: value)) }

  /// Writes an `sfixed64` (8 bytes, little-endian).
  @inlinable @inline(__always)
  public mutating func writeSFixed64(_ value: Int64) { writeFixed64(UInt64(bitPattern: value)) }

  /// Writes a `float` (IEEE 754 binary32, little-endian).
  @inlinable @inline(__always)
  public mutating func writeFloat(_ value: Float) { writeFixed32(value.bitPattern) }

  /// Writes a `double` (IEEE 754 binary64, little-endian).
  @inlinable @inline(__always)
  public mutating func writeDouble(_ value: Double) { writeFixed64(value.bitPattern) }

  // MARK: Length-delimited

  /// Writes a string's length prefix and UTF-8 bytes.
  @inlinable
  public mutating func writeString(_ value: String) {
    // Native strings expose their UTF-8 in place; only bridged or lazily decoded ones
    // need `withUTF8`, whose `var` copy costs a retain and release per string.
    let written: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
      writeVarint(UInt64(utf8.count))
      writeRaw(UnsafeRawBufferPointer(utf8))
    }
    if written == nil {
      var value = value
      value.withUTF8 { utf8 in
        writeVarint(UInt64(utf8.count))
        writeRaw(UnsafeRawBufferPointer(utf8))
      }
    }
  }

  /// Writes a `bytes` value's length prefix and payload.
  @inlinable
  public mutating func writeBytes(_ value: [UInt8]) {
    writeVarint(UInt64(value.count))
    value.withUnsafeBytes { writeRaw($0) }
  }

  /// Writes an embedded message: its size as a varint, then its body.
  @inlinable
  public mutating func writeMessage<M: ProtoMessage>(_ value: M) {
    writeVarint(UInt64(value.serializedSize()))
    value.encode(to: &self)
  }

  /// Writes previously preserved unknown fields verbatim.
  @inlinable
  public mutating func writeUnknownFields(_ fields: UnknownFields) {
    if fields.bytes.isEmpty { return }
    fields.bytes.withUnsafeBytes { writeRaw($0) }
  }

  /// Copies raw bytes.
  @inlinable @inline(__always)
  public mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    pointer.copyMemory(from: base, byteCount: bytes.count)
    pointer += bytes.count
  }
}
