/// Sizes of encoded values, for `serializedSize()`.
///
/// Variable-length helpers return the whole encoding of one value (tag excluded);
/// `string`, `bytes` and `message` include the length prefix; the `packed*` helpers
/// return the payload of a packed field without its length prefix.
public enum ProtoSize {
  /// Bytes a varint takes: 1 to 10.
  @inlinable @inline(__always)
  public static func varint(_ value: UInt64) -> Int {
    // ceil(bits / 7) for bits = 64 - lzcnt(value | 1), without a division.
    let bits = 64 &- (value | 1).leadingZeroBitCount
    return (bits &* 9 &+ 64) >> 6
  }

  /// Bytes an `int32` value takes (negative values are always 10).
  @inlinable @inline(__always)
  public static func int32(_ value: Int32) -> Int {
    value >= 0 ? varint(UInt64(UInt32(bitPattern: value))) : 10
  }

  /// Bytes an `int64` value takes.
  @inlinable @inline(__always)
  public static func int64(_ value: Int64) -> Int { varint(UInt64(bitPattern: value)) }

  /// Bytes a `uint32` value takes.
  @inlinable @inline(__always)
  public static func uint32(_ value: UInt32) -> Int { varint(UInt64(value)) }

  /// Bytes a `uint64` value takes.
  @inlinable @inline(__always)
  public static func uint64(_ value: UInt64) -> Int { varint(value) }

  /// Bytes a zigzag-encoded `sint32` value takes.
  @inlinable @inline(__always)
  public static func sint32(_ value: Int32) -> Int { varint(UInt64(ZigZag.encode(value))) }

  /// Bytes a zigzag-encoded `sint64` value takes.
  @inlinable @inline(__always)
  public static func sint64(_ value: Int64) -> Int { varint(ZigZag.encode(value)) }

  /// Bytes a `bool` takes: always 1.
  @inlinable @inline(__always)
  public static func bool(_ value: Bool) -> Int { 1 }

  /// Bytes an enum value takes (as an `int32`).
  @inlinable @inline(__always)
  public static func enumValue<E: ProtoEnum>(_ value: E) -> Int { int32(value.rawValue) }

  /// Bytes a string takes: length prefix plus UTF-8 payload.
  @inlinable @inline(__always)
  public static func string(_ value: String) -> Int {
    let count = value.utf8.count
    return varint(UInt64(count)) &+ count
  }

  /// Bytes a `bytes` value takes: length prefix plus payload.
  @inlinable @inline(__always)
  public static func bytes(_ value: [UInt8]) -> Int {
    varint(UInt64(value.count)) &+ value.count
  }

  /// Bytes an embedded message takes: length prefix plus body.
  @inlinable @inline(__always)
  public static func message<M: ProtoMessage>(_ value: M) -> Int {
    let size = value.serializedSize()
    return varint(UInt64(size)) &+ size
  }

  /// Bytes a tag for `fieldNumber` takes.
  @inlinable @inline(__always)
  public static func tag(fieldNumber: Int32) -> Int {
    varint(UInt64(UInt32(bitPattern: fieldNumber)) << 3)
  }

  /// Payload size of a packed `int32` field.
  @inlinable
  public static func packedInt32(_ values: [Int32]) -> Int {
    var n = 0
    for v in values { n &+= int32(v) }
    return n
  }

  /// Payload size of a packed `int64` field.
  @inlinable
  public static func packedInt64(_ values: [Int64]) -> Int {
    var n = 0
    for v in values { n &+= int64(v) }
    return n
  }

  /// Payload size of a packed `uint32` field.
  @inlinable
  public static func packedUInt32(_ values: [UInt32]) -> Int {
    var n = 0
    for v in values { n &+= uint32(v) }
    return n
  }

  /// Payload size of a packed `uint64` field.
  @inlinable
  public static func packedUInt64(_ values: [UInt64]) -> Int {
    var n = 0
    for v in values { n &+= varint(v) }
    return n
  }

  /// Payload size of a packed `sint32` field.
  @inlinable
  public static func packedSInt32(_ values: [Int32]) -> Int {
    var n = 0
    for v in values { n &+= sint32(v) }
    return n
  }

  /// Payload size of a packed `sint64` field.
  @inlinable
  public static func packedSInt64(_ values: [Int64]) -> Int {
    var n = 0
    for v in values { n &+= sint64(v) }
    return n
  }

  /// Payload size of a packed `bool` field (one byte each).
  @inlinable
  public static func packedBool(_ values: [Bool]) -> Int { values.count }

  /// Payload size of a packed enum field.
  @inlinable
  public static func packedEnum<E: ProtoEnum>(_ values: [E]) -> Int {
    var n = 0
    for v in values { n &+= int32(v.rawValue) }
    return n
  }
}
