/// A message compression algorithm, as named by `grpc-encoding`, `content-encoding`,
/// `connect-content-encoding` and their `accept` counterparts.
public enum CompressionAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible
{
  /// No compression.
  case identity
  /// gzip (RFC 1952).
  case gzip
  /// "deflate" as gRPC and HTTP mean it: a zlib stream (RFC 1950).
  case deflate

  /// The name on the wire: `identity`, `gzip` or `deflate`.
  public var name: String { rawValue }

  /// The algorithm a header token names (ASCII case ignored, surrounding spaces and tabs
  /// ignored); nil for names Sluice does not implement (`snappy`, `br`, `zstd` ...).
  public init?(name token: some Collection<UInt8>) {
    let found =
      token.withContiguousStorageIfAvailable { Self.named(UnsafeRawBufferPointer($0)) }
      ?? Array(token).withUnsafeBytes { Self.named($0) }
    guard let found else { return nil }
    self = found
  }

  /// The algorithm a name such as `gzip` denotes.
  public init?(name: String) {
    self.init(name: name.utf8)
  }

  /// The wire name.
  public var description: String { rawValue }

  private static func named(_ token: UnsafeRawBufferPointer) -> CompressionAlgorithm? {
    let token = ASCII.trimmed(token)
    if ASCII.equalsIgnoringCase(token, "gzip") { return .gzip }
    if ASCII.equalsIgnoringCase(token, "identity") { return .identity }
    if ASCII.equalsIgnoringCase(token, "deflate") { return .deflate }
    return nil
  }

  /// This algorithm's bit in a ``CompressionAlgorithmSet``.
  var bit: UInt8 {
    switch self {
    case .identity: 1
    case .gzip: 2
    case .deflate: 4
    }
  }
}
