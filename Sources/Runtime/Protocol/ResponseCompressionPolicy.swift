/// When a server compresses response messages: gRPC messages, Connect streaming envelopes
/// and Connect unary bodies.
///
/// A call may have compressed responses only when its client accepts one of
/// ``algorithms`` (`grpc-accept-encoding`, `accept-encoding`, `connect-accept-encoding`;
/// for Connect without such a header, the request's own compression). Then each message
/// is compressed when the handler asked for it (``ServerContext/responseCompression`` set
/// to `.enabled`: every message), or when the handler left it `.automatic`,
/// ``compressesByDefault`` holds and the message has at least ``minimumMessageSize``
/// bytes. A handler's `.disabled` always wins. An automatically compressed message that
/// did not shrink goes out as it was (each message carries its own compressed flag).
public struct ResponseCompressionPolicy: Sendable, Hashable {
  /// The algorithms responses may be compressed with; the client's most preferred one
  /// among them is used. Empty: responses are never compressed, whatever handlers ask.
  public var algorithms: CompressionAlgorithmSet
  /// Whether messages are compressed when the handler does not say (`.automatic`).
  public var compressesByDefault: Bool
  /// The smallest message compressed by default; handlers that ask for compression get
  /// every message compressed.
  public var minimumMessageSize: Int
  /// The zlib level, 1 (fastest) ... 9 (smallest).
  public var level: Int

  /// A policy; the defaults compress messages of 1 KiB and more with gzip or deflate at
  /// zlib's default level, when the client accepts them.
  public init(
    algorithms: CompressionAlgorithmSet = [.gzip, .deflate], compressesByDefault: Bool = true,
    minimumMessageSize: Int = 1_024, level: Int = 6
  ) {
    self.algorithms = algorithms.subtracting(.identity)
    self.compressesByDefault = compressesByDefault
    self.minimumMessageSize = max(0, minimumMessageSize)
    self.level = min(max(level, 1), 9)
  }

  /// Responses are never compressed.
  public static let disabled = ResponseCompressionPolicy(algorithms: [])

  /// Whether some message of a call may be compressed, given the algorithm negotiated
  /// with the client (``RPCRequest/responseCompression``) and the handler's preference:
  /// decides whether the response headers name the algorithm (`grpc-encoding`,
  /// `connect-content-encoding`).
  public func mayCompress(
    negotiated: CompressionAlgorithm, preference: ServerContext.ResponseCompression
  ) -> Bool {
    guard negotiated != .identity, algorithms.contains(negotiated) else { return false }
    switch preference {
    case .automatic: return compressesByDefault
    case .enabled: return true
    case .disabled: return false
    }
  }

  /// Whether to compress one message of `size` bytes.
  public func shouldCompress(
    size: Int, negotiated: CompressionAlgorithm, preference: ServerContext.ResponseCompression
  ) -> Bool {
    guard mayCompress(negotiated: negotiated, preference: preference) else { return false }
    return preference == .enabled || size >= minimumMessageSize
  }
}
