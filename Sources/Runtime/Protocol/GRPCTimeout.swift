/// The `grpc-timeout` header: `TimeoutValue TimeoutUnit`, at most 8 ASCII digits followed
/// by `H`, `M`, `S`, `m`, `u` or `n` (hours down to nanoseconds).
public enum GRPCTimeout {
  /// The largest value the 8 digits allow.
  static let maxValue: Int64 = 99_999_999

  /// The timeout a header value denotes; nil when it is malformed (empty, more than 8
  /// digits, a sign, spaces, or an unknown unit). `0n` (already expired) is accepted.
  public static func parse(_ value: UnsafeRawBufferPointer) -> Duration? {
    guard value.count >= 2,
      let amount = ASCII.decimal(
        UnsafeRawBufferPointer(rebasing: value[..<(value.count - 1)]), maxDigits: 8)
    else { return nil }
    switch value[value.count - 1] {
    case UInt8(ascii: "H"): return .seconds(amount * 3600)
    case UInt8(ascii: "M"): return .seconds(amount * 60)
    case UInt8(ascii: "S"): return .seconds(amount)
    case UInt8(ascii: "m"): return .milliseconds(amount)
    case UInt8(ascii: "u"): return .microseconds(amount)
    case UInt8(ascii: "n"): return .nanoseconds(amount)
    default: return nil
    }
  }

  /// The timeout a header value denotes; nil when it is malformed.
  public static func parse(_ value: String) -> Duration? {
    var value = value
    return value.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }

  /// Appends the shortest header value for `duration`: the coarsest unit that states it
  /// exactly in 8 digits, or else the finest unit that fits once rounded up, so the
  /// deadline a server sees is never earlier than the client's. Zero and negative
  /// durations give `0n`; durations beyond `99999999H` are capped there.
  public static func encode(_ duration: Duration, into output: inout [UInt8]) {
    let (value, unit) = encoded(duration)
    ASCII.appendDecimal(Int(value), to: &output)
    output.append(unit)
  }

  /// The shortest header value for `duration`, such as `1S` or `250m`.
  public static func encode(_ duration: Duration) -> String {
    var bytes: [UInt8] = []
    encode(duration, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value and unit letter for `duration`.
  static func encoded(_ duration: Duration) -> (value: Int64, unit: UInt8) {
    guard duration > .zero else { return (0, UInt8(ascii: "n")) }
    let (seconds, attoseconds) = duration.components
    // Whole nanoseconds, rounding a fraction of a nanosecond up.
    var nanos = (attoseconds + 999_999_999) / 1_000_000_000
    var wholeSeconds = seconds
    if nanos == 1_000_000_000 {
      wholeSeconds += 1
      nanos = 0
    }
    let hourCap = maxValue * 3600
    if wholeSeconds >= hourCap { return (maxValue, UInt8(ascii: "H")) }

    // Exact forms, coarsest first: the coarsest is the shortest.
    if nanos == 0 {
      if wholeSeconds % 3600 == 0 && wholeSeconds / 3600 <= maxValue {
        return (wholeSeconds / 3600, UInt8(ascii: "H"))
      }
      if wholeSeconds % 60 == 0 && wholeSeconds / 60 <= maxValue {
        return (wholeSeconds / 60, UInt8(ascii: "M"))
      }
      if wholeSeconds <= maxValue { return (wholeSeconds, UInt8(ascii: "S")) }
    }
    if wholeSeconds <= maxValue / 1000 {
      let nanosTotal = wholeSeconds * 1_000_000_000 + nanos
      if nanosTotal % 1_000_000 == 0 && nanosTotal / 1_000_000 <= maxValue {
        return (nanosTotal / 1_000_000, UInt8(ascii: "m"))
      }
      if nanosTotal % 1000 == 0 && nanosTotal / 1000 <= maxValue {
        return (nanosTotal / 1000, UInt8(ascii: "u"))
      }
      if nanosTotal <= maxValue { return (nanosTotal, UInt8(ascii: "n")) }
      // Not exact in 8 digits: the finest unit that fits, rounded up.
      let micros = (nanosTotal + 999) / 1000
      if micros <= maxValue { return (micros, UInt8(ascii: "u")) }
      let millis = (nanosTotal + 999_999) / 1_000_000
      if millis <= maxValue { return (millis, UInt8(ascii: "m")) }
    }
    let secondsUp = wholeSeconds + (nanos > 0 ? 1 : 0)
    if secondsUp <= maxValue { return (secondsUp, UInt8(ascii: "S")) }
    let minutesUp = (secondsUp + 59) / 60
    if minutesUp <= maxValue { return (minutesUp, UInt8(ascii: "M")) }
    return (min((secondsUp + 3599) / 3600, maxValue), UInt8(ascii: "H"))
  }
}
