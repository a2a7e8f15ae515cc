internal import NIOCore
internal import SluiceRuntime

/// Where a streaming handler writes its responses: each write hops to the connection's
/// event loop (a no-op when the handler runs there), queues the framed message on the
/// stream, and waits while the stream's queue is over its high-water mark.
struct StreamResponseSink: RPCMessageSink {
  let connection: NIOLoopBound<HTTP2ConnectionHandler>
  let streamID: Int32

  func write(_ message: [UInt8]) async throws(RPCError) {
    let loop = connection.eventLoop
    let outcome: HTTP2ConnectionHandler.WriteOutcome
    if loop.inEventLoop {
      outcome = connection.value.handlerWrite(streamID: streamID, message: message)
    } else {
      let connection = self.connection
      let streamID = self.streamID
      outcome = await withCheckedContinuation { continuation in
        loop.execute {
          continuation.resume(
            returning: connection.value.handlerWrite(streamID: streamID, message: message))
        }
      }
    }
    switch outcome {
    case .written:
      return
    case .failed(let error):
      throw error
    case .blocked:
      let connection = self.connection
      let streamID = self.streamID
      let error: RPCError? = await withCheckedContinuation { continuation in
        if loop.inEventLoop {
          connection.value.awaitWritable(streamID: streamID, continuation)
        } else {
          loop.execute { connection.value.awaitWritable(streamID: streamID, continuation) }
        }
      }
      if let error { throw error }
    }
  }
}
