internal import NIOCore

/// A connection's handler together with its event loop: how code running anywhere asks
/// the handler to do something. Runs the request at once when already on the loop (a
/// caller task preferring the loop's executor pays no hand-off), else enqueues it.
struct ConnectionLoop: Sendable {
  let handler: NIOLoopBound<ClientConnectionHandler>

  var eventLoop: any EventLoop { handler.eventLoop }

  /// Runs `body` with the handler on its loop.
  func run(_ body: @escaping @Sendable (ClientConnectionHandler) -> Void) {
    if handler.eventLoop.inEventLoop {
      body(handler.value)
    } else {
      let handler = self.handler
      handler.eventLoop.execute { body(handler.value) }
    }
  }

  /// Starts a unary call (one closure allocation when hopping, none on the loop).
  func start(_ call: UnaryClientCall) {
    if handler.eventLoop.inEventLoop {
      handler.value.startUnary(call)
    } else {
      let handler = self.handler
      handler.eventLoop.execute { handler.value.startUnary(call) }
    }
  }

  /// Hands a streaming call's request bytes to its stream.
  func send(_ call: StreamingClientCall, _ payload: [UInt8], byteCount: Int) {
    if handler.eventLoop.inEventLoop {
      handler.value.send(call, payload, byteCount: byteCount)
    } else {
      let handler = self.handler
      handler.eventLoop.execute { handler.value.send(call, payload, byteCount: byteCount) }
    }
  }
}
