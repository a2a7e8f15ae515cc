public import SluiceRuntime

/// Conversions between protobuf timestamps and the store's microseconds since the Unix
/// epoch (sub-microsecond digits are dropped, rounding toward the past).
public enum Timestamps {
  /// Microseconds since the Unix epoch of a valid timestamp.
  public static func micros(_ timestamp: Google_Protobuf_Timestamp) -> Int64 {
    timestamp.seconds * 1_000_000 + Int64(timestamp.nanos / 1_000)
  }

  /// The timestamp of a microsecond count.
  public static func timestamp(micros: Int64) -> Google_Protobuf_Timestamp {
    let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
    return remainder < 0
      ? Google_Protobuf_Timestamp(seconds: seconds - 1, nanos: Int32(remainder + 1_000_000) * 1_000)
      : Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(remainder) * 1_000)
  }
}
