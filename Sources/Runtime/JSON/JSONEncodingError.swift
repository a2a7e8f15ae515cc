/// Why a message has no proto3 JSON form. `encodeJSON(to:)` records the first such
/// problem in the writer; `jsonUTF8()` and `jsonString()` throw it.
public enum JSONEncodingError: Error, Hashable, Sendable {
  /// A `google.protobuf.Any` holds a type URL the options' registry does not know.
  case unknownAnyType(String)
  /// A `google.protobuf.Any`'s bytes do not decode as the type its URL names.
  case invalidAny(typeURL: String)
  /// A `google.protobuf.Timestamp` outside 0001-01-01 to 9999-12-31 or with nanos out
  /// of range.
  case invalidTimestamp
  /// A `google.protobuf.Duration` beyond ±315,576,000,000 s, with nanos out of range or
  /// with seconds and nanos of different signs.
  case invalidDuration
  /// A `google.protobuf.FieldMask` path that would not survive the lowerCamelCase
  /// round trip.
  case invalidFieldMask(String)
  /// A `google.protobuf.Value` number that is NaN or infinite, which JSON cannot hold.
  case nonFiniteValue
}
