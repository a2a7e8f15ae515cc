/// A set of ``CompressionAlgorithm``s, such as the ones a server supports; stored in one
/// byte.
public struct CompressionAlgorithmSet: OptionSet, Sendable, Hashable {
  /// One bit per algorithm.
  public var rawValue: UInt8

  /// A set from its bits.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// `identity`.
  public static let identity = CompressionAlgorithmSet(.identity)
  /// `gzip`.
  public static let gzip = CompressionAlgorithmSet(.gzip)
  /// `deflate`.
  public static let deflate = CompressionAlgorithmSet(.deflate)

  /// The set holding one algorithm.
  public init(_ algorithm: CompressionAlgorithm) {
    rawValue = algorithm.bit
  }

  /// Whether `algorithm` is in the set.
  public func contains(_ algorithm: CompressionAlgorithm) -> Bool {
    rawValue & algorithm.bit != 0
  }

  /// The algorithms in the set, in `CompressionAlgorithm.allCases` order (`identity`,
  /// `gzip`, `deflate`).
  public var algorithms: [CompressionAlgorithm] {
    CompressionAlgorithm.allCases.filter { contains($0) }
  }
}
