internal import NIOCore
internal import SluiceRuntime

/// Where a streaming handler on an HTTP/1.1 connection writes its responses: each write
/// hops to the connection's event loop (a no-op when the handler runs there), goes out as
/// one envelope in the chunked body, and waits while the channel is not writable, so a
/// slow reader holds the handler back instead of making the server buffer its stream.
struct HTTP1ResponseSink: RPCMessageSink {
  let connection: NIOLoopBound<HTTP1ConnectHandler>
  let callNumber: Int

  func write(_ message: [UInt8]) async throws(RPCError) {
    let loop = connection.eventLoop
    let connection = self.connection
    let number = callNumber
    let outcome: HTTP1ConnectHandler.WriteOutcome
    if loop.inEventLoop {
      outcome = connection.value.handlerWrite(callNumber: number, message: message)
    } else {
      outcome = await withCheckedContinuation { continuation in
        loop.execute {
          continuation.resume(
            returning: connection.value.handlerWrite(callNumber: number, message: message))
        }
      }
    }
    switch outcome {
    case .written:
      return
    case .failed(let error):
      throw error
    case .blocked:
      let error: RPCError? = await withCheckedContinuation { continuation in
        if loop.inEventLoop {
          connection.value.awaitWritable(callNumber: number, continuation)
        } else {
          loop.execute { connection.value.awaitWritable(callNumber: number, continuation) }
        }
      }
      if let error { throw error }
    }
  }
}
