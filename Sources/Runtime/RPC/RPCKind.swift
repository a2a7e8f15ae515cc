/// The four shapes of an RPC, by whether each side sends a stream of messages.
public enum RPCKind: Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// One request, one response.
  case unary
  /// A stream of requests, one response.
  case clientStreaming
  /// One request, a stream of responses.
  case serverStreaming
  /// Streams both ways, independent of each other.
  case bidirectionalStreaming

  /// The kind from the schema's `stream` markers.
  public init(clientStreaming: Bool, serverStreaming: Bool) {
    switch (clientStreaming, serverStreaming) {
    case (false, false): self = .unary
    case (true, false): self = .clientStreaming
    case (false, true): self = .serverStreaming
    case (true, true): self = .bidirectionalStreaming
    }
  }

  /// Whether the client sends a stream of requests.
  public var isClientStreaming: Bool { self == .clientStreaming || self == .bidirectionalStreaming }

  /// Whether the server sends a stream of responses.
  public var isServerStreaming: Bool { self == .serverStreaming || self == .bidirectionalStreaming }

  /// The case name, such as `serverStreaming`.
  public var description: String {
    switch self {
    case .unary: "unary"
    case .clientStreaming: "clientStreaming"
    case .serverStreaming: "serverStreaming"
    case .bidirectionalStreaming: "bidirectionalStreaming"
    }
  }
}
