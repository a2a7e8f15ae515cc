public import SluiceRuntime
internal import NIOCore

extension HTTP2ClientConnection {
  /// Performs a call with one request and one response: one hand-off to the event loop
  /// (none when the calling task already runs there), one back when the trailers arrive.
  ///
  /// Connects first when the connection is idle. Fails with `UNAVAILABLE` when the
  /// connection is draining or closed (naming why), `.deadlineExceeded` when
  /// `options.timeout` passes (the stream is reset with CANCEL), `.cancelled` when the
  /// calling task is cancelled (likewise).
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    let deadline = options.timeout.map(NIODeadline.after)
    let loop = try await readyLoop(deadline: deadline)
    if Task.isCancelled { throw StreamingClientCall.cancelledError }
    let payload: [UInt8]
    if options.compression {
      payload = request
    } else {
      var framed: [UInt8] = []
      do {
        try MessageFramer.append(request, to: &framed)
      } catch {
        throw error.rpcError
      }
      payload = framed
    }
    let call = UnaryClientCall(
      path: method.path, request: payload, metadata: options.metadata, compressed: options.compression,
      deadline: deadline, maxMessageSize: configuration.maxReceiveMessageSize)
    let result = await withTaskCancellationHandler {
      await withUnsafeContinuation { continuation in
        call.continuation = continuation
        loop.start(call)
      }
    } onCancel: {
      loop.run { $0.cancel(call) }
    }
    return try result.get()
  }

  /// Starts a call of any kind and returns its stream; the request headers are on their
  /// way when this returns. Connects first when the connection is idle; fails like
  /// ``unary(method:request:options:)`` when the connection cannot take the call. Later
  /// failures surface through the stream.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    let deadline = options.timeout.map(NIODeadline.after)
    let loop = try await readyLoop(deadline: deadline)
    if Task.isCancelled { throw StreamingClientCall.cancelledError }
    let call = StreamingClientCall(
      loop: loop, path: method.path, metadata: options.metadata, compressed: options.compression,
      deadline: deadline, maxMessageSize: configuration.maxReceiveMessageSize,
      maxBufferedBytes: configuration.maxBufferedResponseBytes)
    loop.run { $0.startStream(call) }
    return HTTP2ClientStream(call: call)
  }
}
