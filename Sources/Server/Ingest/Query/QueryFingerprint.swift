/// A 64-bit FNV-1a digest of a query's filters and order, tying a ``PageToken`` to the
/// query that issued it. Not a security measure (tokens are not secrets and every query
/// is bound, never spliced into SQL): it only catches a token reused with changed filters.
public struct QueryFingerprint: Sendable {
  private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

  /// An empty digest.
  public init() {}

  /// Mixes in a string, length-prefixed so ("ab","c") and ("a","bc") differ.
  public mutating func add(_ text: String) {
    add(Int64(text.utf8.count))
    for byte in text.utf8 { mix(byte) }
  }

  /// Mixes in an integer.
  public mutating func add(_ value: Int64) {
    let bits = UInt64(bitPattern: value)
    for shift in stride(from: 0, to: 64, by: 8) {
      mix(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
  }

  /// The digest so far.
  public var value: UInt64 { state }

  private mutating func mix(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }
}
