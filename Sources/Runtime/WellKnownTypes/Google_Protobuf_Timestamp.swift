/// `google.protobuf.Timestamp`: a point in time, seconds and nanoseconds since the Unix
/// epoch (UTC). JSON form: an RFC 3339 string such as `"1972-01-01T10:00:20.021Z"`.
public struct Google_Protobuf_Timestamp: ProtoMessage {
  /// `google.protobuf.Timestamp`.
  public static let protoMessageName = "google.protobuf.Timestamp"

  /// Seconds since 1970-01-01T00:00:00Z; valid from 0001-01-01 to 9999-12-31.
  public var seconds: Int64 = 0
  /// Non-negative fraction of a second, 0 through 999,999,999.
  public var nanos: Int32 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// The Unix epoch.
  public init() {}

  /// A timestamp at `seconds` + `nanos` since the Unix epoch.
  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  /// Seconds of 0001-01-01T00:00:00Z, the earliest valid timestamp.
  static let minSeconds: Int64 = -62_135_596_800
  /// Seconds of 9999-12-31T23:59:59Z, the latest valid whole second.
  static let maxSeconds: Int64 = 253_402_300_799

  /// Whether the value lies in the range its JSON form can express.
  public var isValid: Bool {
    seconds >= Self.minSeconds && seconds <= Self.maxSeconds && nanos >= 0 && nanos <= 999_999_999
  }

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    SecondsAndNanos.serializedSize(seconds: seconds, nanos: nanos) + unknownFields.byteCount
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    SecondsAndNanos.encode(seconds: seconds, nanos: nanos, to: &writer)
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    try SecondsAndNanos.decode(seconds: &seconds, nanos: &nanos, unknownFields: &unknownFields, from: &reader)
  }

  /// Writes the RFC 3339 string (UTC, "Z", 0/3/6/9 fractional digits).
  public func encodeJSON(to writer: inout JSONWriter) {
    guard isValid else { return writer.fail(.invalidTimestamp) }
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = Int(seconds - days * 86_400)
    let (year, month, day) = CivilDate.fromDays(days)
    var text = ""
    text.reserveCapacity(30)
    CivilDate.appendDigits(year, width: 4, to: &text)
    text += "-"
    CivilDate.appendDigits(month, width: 2, to: &text)
    text += "-"
    CivilDate.appendDigits(day, width: 2, to: &text)
    text += "T"
    CivilDate.appendDigits(secondOfDay / 3600, width: 2, to: &text)
    text += ":"
    CivilDate.appendDigits(secondOfDay / 60 % 60, width: 2, to: &text)
    text += ":"
    CivilDate.appendDigits(secondOfDay % 60, width: 2, to: &text)
    SecondsAndNanos.appendFraction(Int(nanos), to: &text)
    text += "Z"
    writer.writeString(text)
  }

  /// Reads an RFC 3339 string with "Z" or a numeric offset, 0 to 9 fractional digits.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    let tokenOffset = try reader.peekOffset()
    let parsed = try reader.withStringContent { Self.parse($0) }
    guard let parsed else { throw .invalidTimestamp(offset: tokenOffset) }
    (seconds, nanos) = parsed
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`.
  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (Int64, Int32)? {
    var scanner = DigitScanner(text)
    guard let year = scanner.digits(4), scanner.skip("-"),
      let month = scanner.digits(2), scanner.skip("-"),
      let day = scanner.digits(2), scanner.skip("T"),
      let hour = scanner.digits(2), scanner.skip(":"),
      let minute = scanner.digits(2), scanner.skip(":"),
      let second = scanner.digits(2)
    else { return nil }
    guard year >= 1, (1...12).contains(month), day >= 1,
      day <= CivilDate.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var nanos = 0
    if scanner.skip(".") {
      guard let fraction = scanner.fraction() else { return nil }
      nanos = fraction
    }
    var offsetSeconds = 0
    if !scanner.skip("Z") {
      let sign: Int
      if scanner.skip("+") {
        sign = 1
      } else if scanner.skip("-") {
        sign = -1
      } else {
        return nil
      }
      guard let offsetHour = scanner.digits(2), scanner.skip(":"), let offsetMinute = scanner.digits(2),
        offsetHour < 24, offsetMinute < 60
      else { return nil }
      offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
    }
    guard scanner.isAtEnd else { return nil }
    let days = CivilDate.toDays(year: year, month: month, day: day)
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
    guard seconds >= minSeconds, seconds <= maxSeconds else { return nil }
    return (seconds, Int32(nanos))
  }
}
