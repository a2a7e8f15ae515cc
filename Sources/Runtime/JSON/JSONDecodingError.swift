/// Why proto3 JSON input was rejected. Lexical errors carry the byte offset in the
/// input where they were found.
public enum JSONDecodingError: Error, Hashable, Sendable {
  /// The input ended inside a value.
  case unexpectedEnd
  /// A byte that the JSON grammar or the expected value does not allow.
  case unexpectedCharacter(offset: Int)
  /// A string with a bad escape, a lone surrogate, a raw control character or
  /// invalid UTF-8.
  case invalidString(offset: Int)
  /// A number that is malformed or not valid for the field (such as 1.5 for an int).
  case invalidNumber(offset: Int)
  /// A number outside the range of the field's type.
  case numberOutOfRange(offset: Int)
  /// A `bytes` value that is not base64.
  case invalidBase64(offset: Int)
  /// An object key that names no field of the message.
  case unknownField(String)
  /// An enum name the enum does not declare.
  case unknownEnumValue(String)
  /// A `google.protobuf.Timestamp` that is not RFC 3339 or out of range.
  case invalidTimestamp(offset: Int)
  /// A `google.protobuf.Duration` that is malformed or out of range.
  case invalidDuration(offset: Int)
  /// A `google.protobuf.FieldMask` path that cannot be converted.
  case invalidFieldMask(offset: Int)
  /// A `google.protobuf.Any` object without `@type`, or with a malformed body.
  case invalidAny(offset: Int)
  /// A `google.protobuf.Any` whose type URL names a type the registry does not hold.
  case unknownAnyType(String)
  /// Objects and arrays nest deeper than `JSONDecodingOptions.recursionLimit`.
  case recursionLimitExceeded
  /// Something other than whitespace follows the top-level value.
  case trailingGarbage(offset: Int)
  /// The same key appears twice in one object.
  case duplicateField(String)

  /// The byte offset in the input, for errors that have one.
  public var offset: Int? {
    switch self {
    case .unexpectedCharacter(let o), .invalidString(let o), .invalidNumber(let o),
      .numberOutOfRange(let o), .invalidBase64(let o), .invalidTimestamp(let o),
      .invalidDuration(let o), .invalidFieldMask(let o), .invalidAny(let o),
      .trailingGarbage(let o):
      return o
    case .unexpectedEnd, .unknownField, .unknownEnumValue, .unknownAnyType,
      .recursionLimitExceeded, .duplicateField:
      return nil
    }
  }
}
