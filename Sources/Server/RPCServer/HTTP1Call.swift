internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

/// One request on an HTTP/1.1 connection: what its head said, its accepted request, the
/// protocol state machine and the handler task. Owned by ``HTTP1ConnectHandler`` on its
/// event loop, which serves one call at a time.
final class HTTP1Call {
  /// Tells this call's events from a later call's on the same connection.
  let number: Int
  let version: HTTPVersion
  /// Whether the client wants the connection kept open after the response.
  let keepAlive: Bool
  /// Whether the client waits for `100 Continue` before sending its body.
  let expectsContinue: Bool
  /// The body length: `content-length`, or 0 for a request with neither that nor a
  /// chunked body; nil for a chunked body.
  let contentLength: Int?

  var request: RPCRequest?
  var context: ServerContext?
  /// Connect unary calls (POST and GET).
  var unary: ConnectUnaryStateMachine?
  /// Connect streaming calls.
  var streaming: ServerStreamStateMachine?
  var encoder = ConnectResponseEncoder()
  /// The handler, once started.
  var task: Task<Void, Never>?
  /// Requests of client-streaming calls.
  var source: StreamRequestSource?
  /// A handler write waiting for the channel to become writable.
  var writableWaiter: CheckedContinuation<RPCError?, Never>?
  /// The deadline timer.
  var deadline: Scheduled<Void>?
  /// Body bytes received so far.
  var receivedBodyBytes = 0
  /// Whether the request's end arrived.
  var requestEnded = false
  /// Whether `100 Continue` went out.
  var sentContinue = false
  /// Whether the connection must close after this call's response.
  var closeConnection = false

  init(number: Int, head: HTTPRequestHead) {
    self.number = number
    version = head.version
    keepAlive = head.isKeepAlive
    expectsContinue = head.headers["expect"].contains { $0.lowercased() == "100-continue" }
    if let length = head.headers.first(name: "content-length") {
      contentLength = Int(length)
    } else {
      let chunked = head.headers["transfer-encoding"].contains { $0.lowercased().contains("chunked") }
      contentLength = chunked ? nil : 0
    }
  }

  /// Body bytes the client has yet to send, when it announced a length.
  var remainingBodyBytes: Int? {
    contentLength.map { max(0, $0 - receivedBodyBytes) }
  }

  /// Cancels the handler and wakes anything it waits on.
  func cancelHandler() {
    task?.cancel()
    source?.finish(error: RPCError(code: .cancelled, message: "the RPC was cancelled"))
    resumeWriter(RPCError(code: .cancelled, message: "the RPC was cancelled"))
  }

  /// Wakes a blocked handler write with `error` (nil: it may write again).
  func resumeWriter(_ error: RPCError?) {
    if let waiter = writableWaiter {
      writableWaiter = nil
      waiter.resume(returning: error)
    }
  }
}
