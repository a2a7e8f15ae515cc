/// Where the next page of a `QueryEvents` result starts: the sort key of the last event
/// returned (event time, then sequence) and a fingerprint of the query it belongs to.
///
/// Keyset paging: the next page asks for events strictly after (or before) that key, so
/// pages stay correct while events are added and cost the same however deep they go.
/// Tokens are opaque hex strings to clients; a token presented with different filters
/// is refused rather than silently paging another query.
public struct PageToken: Sendable, Hashable {
  /// Event time of the last event returned, microseconds since the Unix epoch.
  public var timeMicros: Int64
  /// Sequence of the last event returned.
  public var sequence: Int64
  /// Fingerprint of the query's filters and order (see ``QueryFingerprint``).
  public var fingerprint: UInt64

  /// Why a token was refused.
  public enum DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a token this server issued.
    case malformed
    /// Issued for a query with other filters or order.
    case queryChanged

    /// A one-line explanation.
    public var description: String {
      switch self {
      case .malformed: "page_token is not a token this service issued"
      case .queryChanged: "page_token belongs to a query with other filters or order"
      }
    }
  }

  /// The version byte leading every token, so the format can change later.
  static let version: UInt8 = 1
  /// Encoded length in bytes: version + three 8-byte integers.
  static let byteCount = 25

  /// A token for the page after the event with this key.
  public init(timeMicros: Int64, sequence: Int64, fingerprint: UInt64) {
    self.timeMicros = timeMicros
    self.sequence = sequence
    self.fingerprint = fingerprint
  }

  /// Reads a token, checking it belongs to the query with `fingerprint`.
  public init(decoding text: String, expecting fingerprint: UInt64) throws(DecodingError) {
    let hex = Array(text.utf8)
    guard hex.count == Self.byteCount * 2 else { throw .malformed }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.byteCount)
    var index = 0
    while index < hex.count {
      guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else {
        throw .malformed
      }
      bytes.append(high << 4 | low)
      index += 2
    }
    guard bytes[0] == Self.version else { throw .malformed }
    func word(at offset: Int) -> UInt64 {
      bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
    guard word(at: 17) == fingerprint else { throw .queryChanged }
    self.init(
      timeMicros: Int64(bitPattern: word(at: 1)), sequence: Int64(bitPattern: word(at: 9)),
      fingerprint: fingerprint)
  }

  /// The token as clients see it.
  public var encoded: String {
    var bytes: [UInt8] = [Self.version]
    for word in [UInt64(bitPattern: timeMicros), UInt64(bitPattern: sequence), fingerprint] {
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}
