internal import NIOCore
internal import SluiceRuntime

/// One call on an HTTP/2 connection: its accepted request, the protocol state machine,
/// and the handler task. Owned by ``HTTP2ConnectionHandler`` on its event loop.
final class HTTP2ServerStream {
  let id: Int32
  let request: RPCRequest
  let context: ServerContext
  /// gRPC and Connect streaming calls.
  var streaming: ServerStreamStateMachine?
  /// Connect unary calls (POST and GET).
  var unary: ConnectUnaryStateMachine?
  /// The handler, once started.
  var task: Task<Void, Never>?
  /// Requests of client-streaming and bidirectional calls.
  var source: StreamRequestSource?
  /// A handler write waiting for the stream's queue to drain.
  var writableWaiter: CheckedContinuation<RPCError?, Never>?
  /// Whether the last write left the queue over its high-water mark.
  var isBlocked = false
  /// The deadline timer.
  var deadline: Scheduled<Void>?
  /// Received DATA bytes not yet returned to flow control (while the handler lags).
  var unconsumedBytes = 0
  /// The compression the response headers named; `.identity` until they went out, and
  /// when they named none.
  var responseCompression = CompressionAlgorithm.identity

  init(id: Int32, request: RPCRequest, context: ServerContext) {
    self.id = id
    self.request = request
    self.context = context
  }

  /// Cancels the handler and wakes anything it waits on.
  func cancelHandler() {
    task?.cancel()
    source?.finish(error: RPCError(code: .cancelled, message: "the RPC was cancelled"))
    resumeWriter(RPCError(code: .cancelled, message: "the RPC was cancelled"))
  }

  /// Wakes a blocked handler write with `error` (nil: it may write again).
  func resumeWriter(_ error: RPCError?) {
    isBlocked = false
    if let waiter = writableWaiter {
      writableWaiter = nil
      waiter.resume(returning: error)
    }
  }
}
