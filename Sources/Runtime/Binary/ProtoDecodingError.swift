/// Why binary protobuf input was rejected.
public enum ProtoDecodingError: Error, Hashable, Sendable {
  /// The input ended inside a tag, a value or a length-delimited field.
  case truncated
  /// A varint is longer than 10 bytes or its 10th byte overflows 64 bits.
  case malformedVarint
  /// A tag's field number is 0 or above 2^29 - 1.
  case invalidFieldNumber
  /// A tag's wire type is 6 or 7.
  case invalidWireType(UInt8)
  /// A tag's wire type is 3 or 4 (proto2 groups, not part of proto3).
  case groupsNotSupported
  /// A known field arrived with a wire type its declared type cannot have.
  case wireTypeMismatch(fieldNumber: Int32)
  /// A length prefix points past the end of the enclosing buffer or message.
  case lengthOutOfRange
  /// A string field holds bytes that are not UTF-8 (field number when known).
  case invalidUTF8(fieldNumber: Int32?)
  /// Messages are nested deeper than `ProtoDecodingOptions.recursionLimit`.
  case recursionLimitExceeded
  /// `Google_Protobuf_Any.unpack(_:)` was asked for a type the `Any` does not hold.
  case anyTypeMismatch(typeURL: String)
}
