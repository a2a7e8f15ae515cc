/// The binary layout Timestamp and Duration share (`int64 seconds = 1; int32 nanos = 2;`)
/// and their fractional-second text.
enum SecondsAndNanos {
  static func serializedSize(seconds: Int64, nanos: Int32) -> Int {
    (seconds != 0 ? 1 + ProtoSize.int64(seconds) : 0) + (nanos != 0 ? 1 + ProtoSize.int32(nanos) : 0)
  }

  static func encode(seconds: Int64, nanos: Int32, to writer: inout ProtoWriter) {
    if seconds != 0 {
      writer.writeTag(8)
      writer.writeInt64(seconds)
    }
    if nanos != 0 {
      writer.writeTag(16)
      writer.writeInt32(nanos)
    }
  }

  static func decode(
    seconds: inout Int64, nanos: inout Int32, unknownFields: inout UnknownFields,
    from reader: inout ProtoReader
  ) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: seconds = try reader.readInt64()
      case 16: nanos = try reader.readInt32()
      default:
        switch tag >> 3 {
        case 1, 2: throw .wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  /// Appends `.` and 3, 6 or 9 digits of a non-negative nanosecond count (nothing for 0).
  static func appendFraction(_ nanos: Int, to text: inout String) {
    guard nanos != 0 else { return }
    text += "."
    if nanos % 1_000_000 == 0 {
      CivilDate.appendDigits(nanos / 1_000_000, width: 3, to: &text)
    } else if nanos % 1000 == 0 {
      CivilDate.appendDigits(nanos / 1000, width: 6, to: &text)
    } else {
      CivilDate.appendDigits(nanos, width: 9, to: &text)
    }
  }
}
