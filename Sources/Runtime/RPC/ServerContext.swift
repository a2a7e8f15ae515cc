internal import Synchronization

/// What a handler knows about the call it serves, and where it puts the metadata it
/// sends back.
///
/// The transport creates one per call. Handlers may set ``responseMetadata`` (sent as the
/// response headers) and ``trailers`` (sent when the call ends) from any task. The
/// transport reads ``responseMetadata`` when it sends headers, which is just before the
/// first response message (for unary and client-streaming calls: when the handler
/// returns), so later changes to it are lost; it reads ``trailers`` when the handler
/// finishes. When a handler fails before any response message went out, the client sees
/// only the error, whose metadata is ``trailers`` followed by the error's own metadata.
///
/// The call's task is cancelled when the client cancels or the deadline passes; handlers
/// observe that as Swift task cancellation.
public final class ServerContext: Sendable {
  /// The method being called.
  public let method: MethodDescriptor
  /// The metadata the client sent (request headers, without transport headers such as
  /// `content-type`, `grpc-timeout` or `te`).
  public let requestMetadata: Metadata
  /// When the client stops waiting, if it set a deadline.
  public let deadline: ContinuousClock.Instant?
  /// A description of the client, such as `ipv4:10.0.0.7:51234` or `in-process`.
  public let peer: String
  /// The client's verified TLS certificate identity (mutual TLS), or nil when the
  /// connection is plaintext or the client sent no certificate.
  public let authContext: AuthContext?

  private let response: Mutex<ResponseMetadata>

  private struct ResponseMetadata {
    var headers = Metadata()
    var trailers = Metadata()
    var compression = ResponseCompression.automatic
    var requestWasCompressed = false
  }

  /// Whether the server compresses a call's response messages (see
  /// ``responseCompression``).
  public enum ResponseCompression: Sendable, Hashable {
    /// The server's configuration decides (by default: messages of 1 KiB and more, when
    /// the client accepts a compression the server uses).
    case automatic
    /// Compress every message, when the client accepts a compression the server uses.
    case enabled
    /// Send every message uncompressed.
    case disabled
  }

  /// Creates a context; transports call this once per call.
  public init(
    method: MethodDescriptor, requestMetadata: Metadata, deadline: ContinuousClock.Instant?,
    peer: String, authContext: AuthContext? = nil
  ) {
    self.method = method
    self.requestMetadata = requestMetadata
    self.deadline = deadline
    self.peer = peer
    self.authContext = authContext
    self.response = Mutex(ResponseMetadata())
  }

  /// Metadata sent as response headers, before the first response message.
  public var responseMetadata: Metadata {
    get { response.withLock { $0.headers } }
    set { response.withLock { $0.headers = newValue } }
  }

  /// Metadata sent as trailers when the call ends.
  public var trailers: Metadata {
    get { response.withLock { $0.trailers } }
    set { response.withLock { $0.trailers = newValue } }
  }

  /// Whether response messages are compressed. The transport reads it as each message
  /// goes out, so a streaming handler may change it between writes; the response headers,
  /// which name the algorithm, go out with the first message, so a call that should ever
  /// compress must not start out `.disabled`.
  public var responseCompression: ResponseCompression {
    get { response.withLock { $0.compression } }
    set { response.withLock { $0.compression = newValue } }
  }

  /// Whether the request message the handler received last arrived compressed (for
  /// streaming requests: the one it read last). Transports set it before handing a
  /// message over.
  public var requestWasCompressed: Bool {
    get { response.withLock { $0.requestWasCompressed } }
    set { response.withLock { $0.requestWasCompressed = newValue } }
  }

  /// Time left until the deadline (negative once it passed); nil without a deadline.
  public var timeRemaining: Duration? {
    deadline.map { ContinuousClock.now.duration(to: $0) }
  }
}
