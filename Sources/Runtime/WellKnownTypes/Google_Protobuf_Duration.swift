/// `google.protobuf.Duration`: a signed span of time. JSON form: decimal seconds with
/// an `s` suffix, such as `"1.5s"` or `"-0.000001s"`.
public struct Google_Protobuf_Duration: ProtoMessage {
  /// `google.protobuf.Duration`.
  public static let protoMessageName = "google.protobuf.Duration"

  /// Whole seconds, within ±315,576,000,000 (10,000 years).
  public var seconds: Int64 = 0
  /// Fraction of a second with the same sign as `seconds`, within ±999,999,999.
  public var nanos: Int32 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// A zero duration.
  public init() {}

  /// A duration of `seconds` + `nanos` (both with the same sign).
  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  static let maxSeconds: Int64 = 315_576_000_000

  /// Whether the value is in range and `seconds` and `nanos` agree in sign.
  public var isValid: Bool {
    seconds >= -Self.maxSeconds && seconds <= Self.maxSeconds
      && nanos >= -999_999_999 && nanos <= 999_999_999
      && !(seconds > 0 && nanos < 0) && !(seconds < 0 && nanos > 0)
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

  /// Writes seconds with 0, 3, 6 or 9 fractional digits and an `s` suffix.
  public func encodeJSON(to writer: inout JSONWriter) {
    guard isValid else { return writer.fail(.invalidDuration) }
    var text = seconds < 0 || nanos < 0 ? "-" : ""
    text += String(seconds.magnitude)
    SecondsAndNanos.appendFraction(Int(nanos.magnitude), to: &text)
    text += "s"
    writer.writeString(text)
  }

  /// Reads `-?S[.F]s` with up to 9 fractional digits.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    let tokenOffset = try reader.peekOffset()
    let parsed = try reader.withStringContent { Self.parse($0) }
    guard let parsed else { throw .invalidDuration(offset: tokenOffset) }
    (seconds, nanos) = parsed
  }

  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (Int64, Int32)? {
    var scanner = DigitScanner(text)
    let negative = scanner.skip("-")
    guard let (whole, _) = scanner.digits(upTo: 12) else { return nil }
    var nanos = 0
    if scanner.skip(".") {
      guard let fraction = scanner.fraction() else { return nil }
      nanos = fraction
    }
    guard scanner.skip("s"), scanner.isAtEnd, whole <= maxSeconds else { return nil }
    return negative ? (-whole, Int32(-nanos)) : (whole, Int32(nanos))
  }
}
