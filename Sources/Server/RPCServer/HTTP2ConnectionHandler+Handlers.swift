internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Starting handler tasks and taking their results back on the event loop.
extension HTTP2ConnectionHandler {
  /// Starts the stream's handler as a task preferring this loop: it runs on the I/O
  /// thread unless it hops, and reports back here without another hand-off.
  func startHandler(_ stream: HTTP2ServerStream, request: [UInt8]) {
    let connection = loopBound
    let streamID = stream.id
    let context = stream.context
    let codec = stream.request.codec
    let sink = StreamResponseSink(connection: connection, streamID: streamID)
    let executor = self.executor
    let handler: RPCHandler = stream.request.handler
    switch handler.body {
    case .unary(let body):
      stream.task = Task(executorPreference: executor) {
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
          result = .success(try await body(request, context, codec))
        } catch {
          result = .failure(error)
        }
        HTTP2ConnectionHandler.report(connection, streamID, result, hasResponse: true)
      }
    case .serverStreaming(let body):
      stream.task = Task(executorPreference: executor) {
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
          try await body(request, sink, context, codec)
          result = .success([])
        } catch {
          result = .failure(error)
        }
        HTTP2ConnectionHandler.report(connection, streamID, result, hasResponse: false)
      }
    case .clientStreaming(let body):
      let source = makeSource(stream)
      stream.source = source
      stream.task = Task(executorPreference: executor) {
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
          result = .success(try await body(source, context, codec))
        } catch {
          result = .failure(error)
        }
        HTTP2ConnectionHandler.report(connection, streamID, result, hasResponse: true)
      }
    case .bidirectionalStreaming(let body):
      let source = makeSource(stream)
      stream.source = source
      stream.task = Task(executorPreference: executor) {
        let result: Result<[UInt8], RPCError>
        do throws(RPCError) {
          try await body(source, sink, context, codec)
          result = .success([])
        } catch {
          result = .failure(error)
        }
        HTTP2ConnectionHandler.report(connection, streamID, result, hasResponse: false)
      }
    }
  }

  private func makeSource(_ stream: HTTP2ServerStream) -> StreamRequestSource {
    let connection = loopBound
    let streamID = stream.id
    return StreamRequestSource(
      lowWaterMark: maxBufferedRequestBytes / 2,
      context: stream.request.requestCompression != .identity ? stream.context : nil
    ) {
      connection.eventLoop.execute { connection.value.resumeConsuming(streamID) }
    }
  }

  /// Calls `body` on the connection's loop: directly when the task is there already.
  private static func report(
    _ connection: NIOLoopBound<HTTP2ConnectionHandler>, _ streamID: Int32,
    _ result: Result<[UInt8], RPCError>, hasResponse: Bool
  ) {
    if connection.eventLoop.inEventLoop {
      connection.value.handlerReturned(streamID, result, hasResponse: hasResponse)
    } else {
      connection.eventLoop.execute {
        connection.value.handlerReturned(streamID, result, hasResponse: hasResponse)
      }
    }
  }

  /// The handler returned: its response (when the kind has one) and status go out.
  func handlerReturned(_ streamID: Int32, _ result: Result<[UInt8], RPCError>, hasResponse: Bool = true) {
    guard let stream = streams[streamID] else { return }
    if stream.unary != nil {
      switch result {
      case .success(let response):
        if let action = stream.unary?.finish(error: nil) {
          perform(action, on: stream, response: response)
        }
      case .failure(let error):
        if let action = stream.unary?.finish(error: error) { perform(action, on: stream) }
      }
    } else {
      switch result {
      case .success(let response):
        if hasResponse, let action = stream.streaming?.sendMessage() {
          perform(action, on: stream, message: response)
        }
        if let action = stream.streaming?.finish(error: nil) { perform(action, on: stream) }
      case .failure(let error):
        if let action = stream.streaming?.finish(error: error) { perform(action, on: stream) }
      }
    }
    stream.source?.finish(error: nil)
    // A large response fills a write of its own; small ones wait to share one.
    if case .success(let response) = result, response.count >= Self.sharedWriteLimit {
      flushOutput()
    } else {
      scheduleFlush()
    }
  }

  /// Responses this large (a full HTTP/2 frame) are written at once rather than held back
  /// to share a write with others finishing in the same loop tick.
  static let sharedWriteLimit = 16 * 1024

  /// A streaming handler writes a response message.
  func handlerWrite(streamID: Int32, message: [UInt8]) -> WriteOutcome {
    guard let stream = streams[streamID], stream.streaming != nil else {
      return .failed(RPCError(code: .cancelled, message: "the RPC was cancelled"))
    }
    guard let action = stream.streaming?.sendMessage(), case .sendMessage = action else {
      return .failed(RPCError(code: .cancelled, message: "the RPC ended"))
    }
    perform(action, on: stream, message: message)
    flushOutput()
    guard streams[streamID] != nil else {
      return .failed(RPCError(code: .cancelled, message: "the RPC was cancelled"))
    }
    return stream.isBlocked ? .blocked : .written
  }

  /// Parks a handler write until the stream drains (or ends).
  func awaitWritable(streamID: Int32, _ continuation: CheckedContinuation<RPCError?, Never>) {
    guard let stream = streams[streamID] else {
      continuation.resume(returning: RPCError(code: .cancelled, message: "the RPC was cancelled"))
      return
    }
    guard stream.isBlocked else {
      continuation.resume(returning: nil)
      return
    }
    stream.writableWaiter = continuation
  }
}
