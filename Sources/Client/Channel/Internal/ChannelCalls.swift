internal import SluiceRuntime

/// The caller's side of a channel's calls: each attempt handed to the channel's loop, and
/// the retries between attempts, decided and waited for in the calling task. Streams
/// that retry after they opened keep one to open their next attempts.
struct ChannelCalls: Sendable {
  let core: ChannelCore
  let retryPolicy: RetryPolicy?
  let throttle: RetryThrottle?
  let connection: HTTP2ClientConnection.Configuration

  /// A unary call: attempts until one succeeds or the failure is final.
  func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    let payload = try Self.framed(request, compressed: options.compression)
    let deadline = options.timeout.map(CallDeadline.init(timeout:))
    var retries = RetryBookkeeping()
    while true {
      let call = ChannelUnaryCall(
        path: method.path, request: payload, options: options, deadline: deadline,
        previousAttempts: retries.previousAttempts,
        maxMessageSize: connection.maxReceiveMessageSize)
      let result = await withTaskCancellationHandler {
        await withUnsafeContinuation { continuation in
          call.continuation = continuation
          core.submitUnary(call)
        }
      } onCancel: {
        core.cancel(.unary(call))
      }
      switch result {
      case .success(let response):
        throttle?.recordSuccess()
        return response
      case .failure(let error):
        try await prepareRetry(
          after: error, unprocessed: call.unprocessed, method: method, deadline: deadline,
          retries: &retries)
      }
    }
  }

  /// Starts a call of any kind: its first attempt opens (retried until a stream opens);
  /// unary and server-streaming calls keep retrying until their response headers arrive.
  func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    let deadline = options.timeout.map(CallDeadline.init(timeout:))
    var retries = RetryBookkeeping()
    let first = try await openStream(
      method: method, options: options, deadline: deadline, retries: &retries)
    switch method.kind {
    case .unary, .serverStreaming:
      return RetryingClientStream(
        calls: self, method: method, options: options, deadline: deadline, first: first,
        retries: retries)
    case .clientStreaming, .bidirectionalStreaming:
      return HTTP2ClientStream(call: first)
    }
  }

  /// Opens a stream for the call, retrying attempts that fail before one opens.
  func openStream(
    method: MethodDescriptor, options: CallOptions, deadline: CallDeadline?,
    retries: inout RetryBookkeeping
  ) async throws(RPCError) -> StreamingClientCall {
    while true {
      let request = ChannelStreamRequest(
        path: method.path, options: options, deadline: deadline,
        previousAttempts: retries.previousAttempts)
      let result = await withTaskCancellationHandler {
        await withUnsafeContinuation { continuation in
          request.continuation = continuation
          core.submitStream(request)
        }
      } onCancel: {
        core.cancel(.stream(request))
      }
      switch result {
      case .success(let call):
        if Task.isCancelled {
          call.cancel()
          throw StreamingClientCall.cancelledError
        }
        return call
      case .failure(let error):
        try await prepareRetry(
          after: error, unprocessed: request.unprocessed, method: method, deadline: deadline,
          retries: &retries)
      }
    }
  }

  /// Decides whether a failed attempt is tried again and waits out the delay; throws the
  /// error that ends the call otherwise. A call the server did not process is retried at
  /// once, a few times at most; other failures as the retry policy says.
  func prepareRetry(
    after error: RPCError, unprocessed: Bool, method: MethodDescriptor, deadline: CallDeadline?,
    retries: inout RetryBookkeeping
  ) async throws(RPCError) {
    if error.code == .cancelled { throw error }
    if Task.isCancelled { throw StreamingClientCall.cancelledError }
    if unprocessed, retries.transparentRetries < ClientChannel.maxTransparentRetries {
      retries.transparentRetries += 1
      return
    }
    guard let retryPolicy else { throw error }
    var state = retries.state ?? RetryState(policy: retryPolicy)
    let decision = state.decide(
      after: error, idempotency: method.idempotencyLevel, timeRemaining: deadline?.remaining,
      responseDelivered: false, throttle: throttle)
    retries.state = state
    switch decision {
    case .giveUp(let error, _):
      throw error
    case .retry(let delay):
      do {
        try await Task.sleep(for: delay)
      } catch {
        throw StreamingClientCall.cancelledError
      }
    }
  }

  /// The request as the connection sends it: framed, or bare when it is to be compressed
  /// (on the loop).
  private static func framed(_ request: [UInt8], compressed: Bool) throws(RPCError) -> [UInt8] {
    if compressed { return request }
    var framed: [UInt8] = []
    do {
      try MessageFramer.append(request, to: &framed)
    } catch {
      throw error.rpcError
    }
    return framed
  }
}
