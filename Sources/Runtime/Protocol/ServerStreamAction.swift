/// What the server does after feeding an event to a ``ServerStreamStateMachine``.
public enum ServerStreamAction: Sendable, Hashable {
  /// Nothing.
  case none
  /// Start the handler now (client-streaming and bidirectional calls start as soon as
  /// the headers are in; its request source then receives ``deliverRequest(_:)`` and
  /// ``finishRequests``).
  case startHandler
  /// Hand this request message to the running handler's request source. When it came
  /// from ``ServerStreamStateMachine/receiveData(_:)``, call that again with the rest
  /// of the input.
  case deliverRequest([UInt8])
  /// The client finished sending: finish the handler's request source.
  case finishRequests
  /// Start the handler of a unary or server-streaming call with its only request (the
  /// request stream ended after exactly one message).
  case invokeHandler(request: [UInt8])
  /// Send the response headers now (with the handler's response metadata).
  case sendHeaders
  /// Send the handler's message (framed, compressed as negotiated), preceded by the
  /// response headers when `sendHeadersFirst`.
  case sendMessage(sendHeadersFirst: Bool)
  /// End the response with this status.
  case sendTrailers(ServerStreamTrailers)
  /// Reset the stream with `code` (nothing else is sent), cancelling the handler when
  /// `cancelHandler`.
  case resetStream(HTTP2ErrorCode, cancelHandler: Bool)
  /// Cancel the running handler; the stream is already gone.
  case cancelHandler
  /// The handler tried to send after its response ended (or before the call started):
  /// fail that write; nothing is sent.
  case rejectWrite
}
