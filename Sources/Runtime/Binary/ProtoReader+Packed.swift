extension ProtoReader {
  /// Makes room for `additional` more elements, growing geometrically so that many
  /// small packed runs of one field stay linear.
  @inlinable @inline(__always)
  static func reserve<T>(_ additional: Int, in values: inout [T]) {
    let needed = values.count &+ additional
    if needed > values.capacity {
      values.reserveCapacity(Swift.max(needed, values.capacity &* 2))
    }
  }

  /// Reads a packed run of varints, converting each with `transform`. Capacity is
  /// reserved from the number of varints actually present, never from the length alone.
  @inlinable @inline(__always)
  mutating func readPackedVarints<T>(
    into values: inout [T], _ transform: (UInt64) -> T
  ) throws(ProtoDecodingError) {
    var packed = try beginPacked()
    var count = 0
    var p = packed.pointer
    while p != packed.end {
      count &+= p.load(as: UInt8.self) < 0x80 ? 1 : 0
      p += 1
    }
    ProtoReader.reserve(count, in: &values)
    while packed.pointer != packed.end {
      values.append(transform(try packed.readVarint()))
    }
  }

  /// Reads a packed run of 4-byte values.
  @inlinable @inline(__always)
  mutating func readPackedFixed32Values<T>(
    into values: inout [T], _ transform: (UInt32) -> T
  ) throws(ProtoDecodingError) {
    var packed = try beginPacked()
    let byteCount = packed.end - packed.pointer
    guard byteCount & 3 == 0 else { throw .truncated }
    ProtoReader.reserve(byteCount >> 2, in: &values)
    while packed.pointer != packed.end {
      values.append(transform(UInt32(littleEndian: packed.pointer.loadUnaligned(as: UInt32.self))))
      packed.pointer += 4
    }
  }

  /// Reads a packed run of 8-byte values.
  @inlinable @inline(__always)
  mutating func readPackedFixed64Values<T>(
    into values: inout [T], _ transform: (UInt64) -> T
  ) throws(ProtoDecodingError) {
    var packed = try beginPacked()
    let byteCount = packed.end - packed.pointer
    guard byteCount & 7 == 0 else { throw .truncated }
    ProtoReader.reserve(byteCount >> 3, in: &values)
    while packed.pointer != packed.end {
      values.append(transform(UInt64(littleEndian: packed.pointer.loadUnaligned(as: UInt64.self))))
      packed.pointer += 8
    }
  }

  /// Appends a packed `int32` run.
  @inlinable
  public mutating func readPackedInt32(into values: inout [Int32]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { Int32(truncatingIfNeeded: $0) }
  }

  /// Appends a packed `int64` run.
  @inlinable
  public mutating func readPackedInt64(into values: inout [Int64]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { Int64(bitPattern: $0) }
  }

  /// Appends a packed `uint32` run.
  @inlinable
  public mutating func readPackedUInt32(into values: inout [UInt32]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { UInt32(truncatingIfNeeded: $0) }
  }

  /// Appends a packed `uint64` run.
  @inlinable
  public mutating func readPackedUInt64(into values: inout [UInt64]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { $0 }
  }

  /// Appends a packed `sint32` run.
  @inlinable
  public mutating func readPackedSInt32(into values: inout [Int32]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { ZigZag.decode(UInt32(truncatingIfNeeded: $0)) }
  }

  /// Appends a packed `sint64` run.
  @inlinable
  public mutating func readPackedSInt64(into values: inout [Int64]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { ZigZag.decode($0) }
  }

  /// Appends a packed `bool` run.
  @inlinable
  public mutating func readPackedBool(into values: inout [Bool]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { $0 != 0 }
  }

  /// Appends a packed enum run; numbers without a case become `unrecognized`.
  @inlinable
  public mutating func readPackedEnum<E: ProtoEnum>(into values: inout [E]) throws(ProtoDecodingError) {
    try readPackedVarints(into: &values) { E(rawValue: Int32(truncatingIfNeeded: $0)) }
  }

  /// Appends a packed `fixed32` run.
  @inlinable
  public mutating func readPackedFixed32(into values: inout [UInt32]) throws(ProtoDecodingError) {
    try readPackedFixed32Values(into: &values) { $0 }
  }

  /// Appends a packed `sfixed32` run.
  @inlinable
  public mutating func readPackedSFixed32(into values: inout [Int32]) throws(ProtoDecodingError) {
    try readPackedFixed32Values(into: &values) { Int32(bitPattern: $0) }
  }

  /// Appends a packed `float` run.
  @inlinable
  public mutating func readPackedFloat(into values: inout [Float]) throws(ProtoDecodingError) {
    try readPackedFixed32Values(into: &values) { Float(bitPattern: $0) }
  }

  /// Appends a packed `fixed64` run.
  @inlinable
  public mutating func readPackedFixed64(into values: inout [UInt64]) throws(ProtoDecodingError) {
    try readPackedFixed64Values(into: &values) { $0 }
  }

  /// Appends a packed `sfixed64` run.
  @inlinable
  public mutating func readPackedSFixed64(into values: inout [Int64]) throws(ProtoDecodingError) {
    try readPackedFixed64Values(into: &values) { Int64(bitPattern: $0) }
  }

  /// Appends a packed `double` run.
  @inlinable
  public mutating func readPackedDouble(into values: inout [Double]) throws(ProtoDecodingError) {
    try readPackedFixed64Values(into: &values) { Double(bitPattern: $0) }
  }
}
