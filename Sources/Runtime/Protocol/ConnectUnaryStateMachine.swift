/// The server side of one Connect unary call (POST or GET) as a pure state machine: the
/// body is collected up to the size limit, decompressed, handed to the handler, and
/// answered with exactly one response or error.
///
/// Over HTTP/1.1 a server ignores `resetStreamAfter` and closes the connection instead
/// when it does not drain the rest of the body.
public struct ConnectUnaryStateMachine {
  /// What the server does next.
  public enum Action: Sendable, Hashable {
    /// Nothing.
    case none
    /// Run the handler with the (decompressed) request message.
    case invokeHandler(request: [UInt8])
    /// Send the handler's response: headers and body, ending the stream.
    case sendResponse
    /// Send this error as a Connect error response (its HTTP status, JSON body); then
    /// reset the stream with `NO_ERROR` when `resetStreamAfter` (the client was still
    /// sending); cancel the handler when `cancelHandler`.
    case sendError(RPCError, resetStreamAfter: Bool, cancelHandler: Bool)
    /// Reset the stream with `code`, sending nothing; cancel the handler when asked.
    case resetStream(HTTP2ErrorCode, cancelHandler: Bool)
    /// Cancel the running handler; the stream is already gone.
    case cancelHandler
    /// The handler answered twice, or after the call ended: fail that; nothing is sent.
    case rejectWrite
  }

  enum State {
    case receiving
    case handlerRunning
    /// The response or error went out, or the stream was reset, while the handler ran.
    case handlerCancelled
    case closed
  }

  let maxMessageSize: Int
  let decompressor: (any MessageDecompressor)?
  private var state = State.receiving
  private var body: [UInt8] = []

  /// Creates a state machine for a call whose headers were accepted.
  /// - Parameters:
  ///   - maxMessageSize: The largest request accepted, compressed and decompressed.
  ///   - decompressor: Decodes the body when the request named a compression.
  public init(
    maxMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize,
    decompressor: (any MessageDecompressor)? = nil
  ) {
    self.maxMessageSize = max(0, maxMessageSize)
    self.decompressor = decompressor
  }

  /// Whether the call is over: nothing more will be sent.
  public var isClosed: Bool { state == .closed || state == .handlerCancelled }

  /// The request announced the length of its body (`content-length`): a body over the size
  /// limit fails the call with `resource_exhausted` at once, before any of it is read.
  public mutating func receiveContentLength(_ length: Int) -> Action {
    guard state == .receiving, length > maxMessageSize else { return .none }
    return fail(
      MessageFramingError.messageTooLarge(size: length, limit: maxMessageSize).rpcError,
      clientStillSending: true)
  }

  /// A chunk of the request body (for a GET: the message from the query) arrived.
  public mutating func receiveData(_ bytes: UnsafeRawBufferPointer) -> Action {
    switch state {
    case .receiving:
      guard bytes.count <= maxMessageSize - body.count else {
        return fail(
          MessageFramingError.messageTooLarge(size: body.count + bytes.count, limit: maxMessageSize)
            .rpcError, clientStillSending: true)
      }
      body.append(contentsOf: bytes)
      return .none
    case .handlerRunning:
      // Data after the end of the request: the peer broke HTTP's stream states.
      state = .handlerCancelled
      return .resetStream(.streamClosed, cancelHandler: true)
    case .handlerCancelled, .closed:
      return .none
    }
  }

  /// The request body ended.
  public mutating func receiveEndOfStream() -> Action {
    switch state {
    case .receiving:
      break
    case .handlerRunning:
      state = .handlerCancelled
      return .resetStream(.streamClosed, cancelHandler: true)
    case .handlerCancelled, .closed:
      return .none
    }
    var request = body
    body = []
    if let decompressor, !request.isEmpty {
      do {
        request = try request.withTypedBytes { (raw) throws(MessageFramingError) in
          try decompressor.decompress(raw, limit: maxMessageSize)
        }
      } catch {
        return fail(error.rpcError, clientStillSending: false)
      }
      guard request.count <= maxMessageSize else {
        return fail(
          MessageFramingError.messageTooLarge(size: request.count, limit: maxMessageSize).rpcError,
          clientStillSending: false)
      }
    }
    state = .handlerRunning
    return .invokeHandler(request: request)
  }

  /// The client reset the stream (or closed the connection).
  public mutating func receiveReset() -> Action {
    defer { body = [] }
    switch state {
    case .handlerRunning:
      state = .handlerCancelled
      return .cancelHandler
    case .receiving:
      state = .closed
      return .none
    case .handlerCancelled, .closed:
      return .none
    }
  }

  /// The call's deadline passed: answer `deadline_exceeded` unless the answer went out.
  public mutating func deadlineExpired() -> Action {
    switch state {
    case .receiving:
      return fail(
        RPCError(code: .deadlineExceeded, message: "the deadline passed"), clientStillSending: true)
    case .handlerRunning:
      state = .handlerCancelled
      return .sendError(
        RPCError(code: .deadlineExceeded, message: "the deadline passed"), resetStreamAfter: false,
        cancelHandler: true)
    case .handlerCancelled, .closed:
      return .none
    }
  }

  /// The handler finished: with its response (`error` nil) or with `error`.
  public mutating func finish(error: RPCError?) -> Action {
    switch state {
    case .handlerRunning:
      state = .closed
      guard let error else { return .sendResponse }
      return .sendError(error, resetStreamAfter: false, cancelHandler: false)
    case .handlerCancelled:
      state = .closed
      return .none
    case .receiving, .closed:
      return .rejectWrite
    }
  }

  private mutating func fail(_ error: RPCError, clientStillSending: Bool) -> Action {
    state = .closed
    body = []
    return .sendError(error, resetStreamAfter: clientStillSending, cancelHandler: false)
  }
}
