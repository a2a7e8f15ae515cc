/// A request answered at once, without running a handler: a malformed or unsupported
/// request, or one for a method the server does not have.
///
/// The server writes ``writeHeaders(into:)``, then the body from ``writeBody(into:)``
/// when it is not empty, and ends the stream; when the client had not finished sending,
/// it then resets the stream with `NO_ERROR` (HTTP/2) or closes the connection after
/// the response (HTTP/1.1, unless it drains the body).
public struct RejectedRequest: Sendable, Hashable {
  /// How the rejection is written.
  public enum Form: Sendable, Hashable {
    /// A gRPC trailers-only response: `:status`, `content-type`, `grpc-status`,
    /// `grpc-message` (and `grpc-accept-encoding` when compression was refused), no body.
    case grpc(GRPCContentType)
    /// A Connect unary error: the code's HTTP status and the JSON error as body.
    case connectUnary
    /// A Connect streaming error: status 200, then the JSON `EndStreamResponse` with the
    /// error in an end-stream envelope.
    case connectStreaming(WireCodec)
    /// A plain HTTP error for requests that are no RPC of a known protocol: a text body,
    /// plus `grpc-status` and `grpc-message` headers for gRPC clients behind proxies that
    /// rewrote the request.
    case plain
  }

  /// How it is written.
  public var form: Form

  /// Whether a rejection sent before the request ended is followed by
  /// RST_STREAM(NO_ERROR): for gRPC (its HTTP/2 protocol asks for it) and Connect
  /// streams, not for unary Connect or plain HTTP requests, whose small bodies are read
  /// and dropped so HTTP clients see an ordinary response.
  public var resetsUnfinishedRequest: Bool {
    switch form {
    case .grpc, .connectStreaming: true
    case .connectUnary, .plain: false
    }
  }
  /// The HTTP status.
  public var httpStatus: Int
  /// The status code and message the client gets.
  public var error: RPCError
  /// The `allow` header value for 405 responses.
  public var allow: String?
  /// Compression the server accepts, listed when a request's compression was refused.
  public var acceptedCompression: CompressionAlgorithmSet?

  /// Creates a rejection.
  public init(
    form: Form, httpStatus: Int, error: RPCError, allow: String? = nil,
    acceptedCompression: CompressionAlgorithmSet? = nil
  ) {
    self.form = form
    self.httpStatus = httpStatus
    self.error = error
    self.allow = allow
    self.acceptedCompression = acceptedCompression
  }
}
