/// ZigZag encoding of signed integers for `sint32`/`sint64`.
@usableFromInline
enum ZigZag {
  @inlinable @inline(__always)
  static func encode(_ value: Int32) -> UInt32 {
    UInt32(bitPattern: (value &<< 1) ^ (value >> 31))
  }

  @inlinable @inline(__always)
  static func encode(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value &<< 1) ^ (value >> 63))
  }

  @inlinable @inline(__always)
  static func decode(_ value: UInt32) -> Int32 {
    Int32(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }

  @inlinable @inline(__always)
  static func decode(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }
}
