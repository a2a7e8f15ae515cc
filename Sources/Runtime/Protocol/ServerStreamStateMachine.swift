/// The server side of one gRPC call (or Connect streaming call) on one HTTP/2 stream, as
/// a pure state machine: network and handler events in, ``ServerStreamAction``s out.
///
/// It starts expecting headers; ``receiveHeaders(kind:decompressor:)`` opens the request
/// stream, whose DATA is deframed by ``receiveData(_:)`` until
/// ``receiveEndOfStream()``. Unary and server-streaming calls get their single request
/// with ``ServerStreamAction/invokeHandler(request:)`` once the request stream ends;
/// client-streaming and bidirectional calls start at once and receive messages as they
/// complete. The handler's output goes through ``sendHeaders()``, ``sendMessage()`` and
/// ``finish(error:)``; ``receiveReset()`` and ``deadlineExpired()`` end the call early.
///
/// Every event is valid in every state: out-of-order network events become a stream
/// reset (`PROTOCOL_ERROR` before headers or for a second HEADERS, `STREAM_CLOSED` for
/// data after END_STREAM), framing errors end the call with their status, handler writes
/// after the response ended become ``ServerStreamAction/rejectWrite``, and anything
/// arriving after the call ended is ignored.
public struct ServerStreamStateMachine {
  /// Which protocol's rules apply.
  public enum WireProtocol: Sendable, Hashable {
    /// gRPC: message flags 0 or 1; an expired deadline resets the stream with `CANCEL`.
    case grpc
    /// Connect streaming: envelope flags 0 or 1 in requests; an expired deadline ends the
    /// response with `deadline_exceeded` (Connect also runs over HTTP/1.1, which has no
    /// stream reset).
    case connect
  }

  enum Inbound {
    case awaitingHeaders
    case receiving
    /// The client sent END_STREAM.
    case ended
    /// The call ended early (reset, or our response ended first): input is dropped.
    case discarding
  }

  enum Outbound {
    case idle
    case headersSent
    case closed
  }

  enum Handler {
    case notStarted
    case running
    /// Cancelled by the state machine; its finish is still to come.
    case cancelled
    case finished
  }

  let wireProtocol: WireProtocol
  let maxMessageSize: Int
  private var inbound = Inbound.awaitingHeaders
  private var outbound = Outbound.idle
  private var handler = Handler.notStarted
  private var kind = RPCKind.unary
  private var reader: EnvelopeReader
  private var request: [UInt8]?

  /// Creates a state machine expecting a request's headers.
  public init(
    wireProtocol: WireProtocol = .grpc,
    maxMessageSize: Int = GRPCMessageDeframer.defaultMaxMessageSize
  ) {
    self.wireProtocol = wireProtocol
    self.maxMessageSize = maxMessageSize
    reader = EnvelopeReader(maxMessageSize: maxMessageSize, allowedFlags: 0, decompressor: nil)
  }

  /// Whether the request message handed out last (by ``ServerStreamAction/deliverRequest(_:)``
  /// or ``ServerStreamAction/invokeHandler(request:)``) was compressed on the wire.
  public private(set) var lastRequestWasCompressed = false

  /// Whether the call is over on both sides: the server may forget the stream once its
  /// handler (if any) has returned.
  public var isClosed: Bool {
    outbound == .closed && (inbound == .ended || inbound == .discarding)
  }

  // MARK: Network events

  /// The request's headers arrived and were accepted (``RequestHeadParser`` classified
  /// them) for a method of `kind`; `decompressor` decodes compressed messages (nil
  /// without a request compression).
  public mutating func receiveHeaders(kind: RPCKind, decompressor: (any MessageDecompressor)?)
    -> ServerStreamAction
  {
    switch inbound {
    case .awaitingHeaders:
      self.kind = kind
      inbound = .receiving
      reader = EnvelopeReader(
        maxMessageSize: maxMessageSize, allowedFlags: MessageFramer.compressedFlag,
        decompressor: decompressor)
      guard kind.isClientStreaming else { return .none }
      handler = .running
      return .startHandler
    case .receiving, .ended:
      return protocolViolation(.protocolError)
    case .discarding:
      return .none
    }
  }

  /// A chunk of request DATA arrived. Consumes `input` up to the end of the next message
  /// for the handler and returns ``ServerStreamAction/deliverRequest(_:)``; call again
  /// with the rest until `input` is empty or another action comes back.
  public mutating func receiveData(_ input: inout UnsafeRawBufferPointer) -> ServerStreamAction {
    switch inbound {
    case .awaitingHeaders:
      Self.consumeAll(&input)
      return protocolViolation(.protocolError)
    case .ended:
      Self.consumeAll(&input)
      return protocolViolation(.streamClosed)
    case .discarding:
      Self.consumeAll(&input)
      return .none
    case .receiving:
      break
    }
    while !input.isEmpty {
      let message: DeframedMessage?
      do {
        message = try reader.next(from: &input)
      } catch {
        Self.consumeAll(&input)
        return fail(error.rpcError)
      }
      guard let message else { return .none }
      lastRequestWasCompressed = message.wasCompressed
      if kind.isClientStreaming { return .deliverRequest(message.bytes) }
      guard request == nil else {
        Self.consumeAll(&input)
        return fail(
          RPCError(code: .internal, message: "\(kind) call received more than one request message"))
      }
      request = message.bytes
    }
    return .none
  }

  /// The client ended its request stream (END_STREAM on DATA or HEADERS).
  public mutating func receiveEndOfStream() -> ServerStreamAction {
    switch inbound {
    case .awaitingHeaders:
      return protocolViolation(.protocolError)
    case .ended:
      return protocolViolation(.streamClosed)
    case .discarding:
      return .none
    case .receiving:
      break
    }
    do {
      try reader.finish()
    } catch {
      inbound = .ended
      return fail(error.rpcError)
    }
    inbound = .ended
    if kind.isClientStreaming { return .finishRequests }
    guard let message = request else {
      return fail(RPCError(code: .internal, message: "\(kind) call received no request message"))
    }
    request = nil
    handler = .running
    return .invokeHandler(request: message)
  }

  /// The client reset the stream (RST_STREAM, any code): the call is cancelled.
  public mutating func receiveReset() -> ServerStreamAction {
    inbound = .discarding
    outbound = .closed
    dropInput()
    return cancelRunningHandler() ? .cancelHandler : .none
  }

  /// The call's deadline passed. gRPC: the stream is reset with `CANCEL`, as gRPC's
  /// protocol prescribes; Connect: the response ends with `deadline_exceeded`.
  public mutating func deadlineExpired() -> ServerStreamAction {
    guard outbound != .closed else { return .none }
    switch wireProtocol {
    case .grpc:
      inbound = .discarding
      outbound = .closed
      dropInput()
      return .resetStream(.cancel, cancelHandler: cancelRunningHandler())
    case .connect:
      return fail(RPCError(code: .deadlineExceeded, message: "the deadline passed"))
    }
  }

  // MARK: Handler events

  /// The handler sends its response headers explicitly.
  public mutating func sendHeaders() -> ServerStreamAction {
    guard handler == .running, outbound == .idle else { return .rejectWrite }
    outbound = .headersSent
    return .sendHeaders
  }

  /// The handler sends a response message.
  public mutating func sendMessage() -> ServerStreamAction {
    guard handler == .running else { return .rejectWrite }
    switch outbound {
    case .idle:
      outbound = .headersSent
      return .sendMessage(sendHeadersFirst: true)
    case .headersSent:
      return .sendMessage(sendHeadersFirst: false)
    case .closed:
      return .rejectWrite
    }
  }

  /// The handler finished: successfully (`error` nil) or with `error`.
  public mutating func finish(error: RPCError?) -> ServerStreamAction {
    switch handler {
    case .notStarted, .finished:
      return .rejectWrite
    case .cancelled:
      handler = .finished
      return .none
    case .running:
      handler = .finished
    }
    guard outbound != .closed else { return .none }
    return .sendTrailers(closeResponse(error: error, cancelHandler: false))
  }

  // MARK: Internals

  /// Ends the response with `error` because of the request (framing, cardinality,
  /// deadline), cancelling the handler if it runs.
  private mutating func fail(_ error: RPCError) -> ServerStreamAction {
    guard outbound != .closed else {
      inbound = .discarding
      return .none
    }
    let cancel = cancelRunningHandler()
    return .sendTrailers(closeResponse(error: error, cancelHandler: cancel))
  }

  private mutating func closeResponse(error: RPCError?, cancelHandler: Bool) -> ServerStreamTrailers
  {
    let form: ServerStreamTrailers.Form =
      outbound == .headersSent ? .trailers : error == nil ? .headersAndTrailers : .trailersOnly
    let clientStillSending = inbound == .receiving
    outbound = .closed
    if inbound == .receiving || inbound == .awaitingHeaders { inbound = .discarding }
    dropInput()
    return ServerStreamTrailers(
      error: error, form: form, resetStreamAfter: clientStillSending, cancelHandler: cancelHandler)
  }

  /// Resets the stream for a peer that broke HTTP/2 or gRPC ordering.
  private mutating func protocolViolation(_ code: HTTP2ErrorCode) -> ServerStreamAction {
    guard outbound != .closed else {
      inbound = .discarding
      return .none
    }
    inbound = .discarding
    outbound = .closed
    dropInput()
    return .resetStream(code, cancelHandler: cancelRunningHandler())
  }

  /// Marks `input` as read without looking at it.
  private static func consumeAll(_ input: inout UnsafeRawBufferPointer) {
    input = UnsafeRawBufferPointer(rebasing: input[input.count...])
  }

  /// Frees buffered input once no more is read.
  private mutating func dropInput() {
    reader = EnvelopeReader(maxMessageSize: 0, allowedFlags: 0, decompressor: nil)
    request = nil
  }

  /// Marks a running handler cancelled; returns whether there was one.
  private mutating func cancelRunningHandler() -> Bool {
    guard handler == .running else { return false }
    handler = .cancelled
    return true
  }
}
