internal import NIOCore
internal import SluiceRuntime

// Calls: handing attempts to the pool, starting them where it says, cancelling them.
extension ChannelCore {
  /// Hands a unary attempt to the pool (one hop to the loop, none when already there).
  func submitUnary(_ call: ChannelUnaryCall) {
    if loop.inEventLoop {
      submit(.unary(call))
    } else {
      loop.execute { self.submit(.unary(call)) }
    }
  }

  /// Hands a stream request to the pool.
  func submitStream(_ request: ChannelStreamRequest) {
    onLoop { $0.submit(.stream(request)) }
  }

  /// Cancels an attempt from any thread: a queued one leaves the pool's queue, a started
  /// one resets its stream; either fails with `.cancelled`.
  func cancel(_ call: PendingCall) {
    onLoop { core in
      switch call.placement {
      case .new:
        call.placement = .cancelled
      case .queued(let id):
        core.waiting.removeValue(forKey: id)
        core.handle(.callCancelled(id))
        call.fail(StreamingClientCall.cancelledError)
      case .dispatched(let handler):
        if case .unary(let unary) = call { handler.handler.value.cancel(unary) }
      case .cancelled, .ended:
        break
      }
    }
  }

  private func submit(_ call: PendingCall) {
    if case .cancelled = call.placement {
      call.fail(StreamingClientCall.cancelledError)
      return
    }
    let id = pool.makeCallID()
    let event = Pool.Event.callRequested(id, waitForReady: call.waitForReady, deadline: call.poolDeadline)
    if isHandling {
      // Not expected (callers reach the loop between events), but keep the call findable.
      waiting[id] = call
      call.placement = .queued(id)
      handle(event)
      return
    }
    submitting = (id, call)
    handle(event)
    submitting = nil
  }

  /// The call with `id`, which leaves the channel's books.
  func take(_ id: Pool.CallID) -> PendingCall? {
    if let submitting, submitting.id == id {
      self.submitting = nil
      if case .queued = submitting.call.placement { waiting.removeValue(forKey: id) }
      return submitting.call
    }
    return waiting.removeValue(forKey: id)
  }

  /// Starts the call on the connection the pool chose. A call that could not open a
  /// stream there (the connection began draining) gives its stream back to the pool and
  /// fails as unprocessed, for its caller to retry.
  func dispatch(_ id: Pool.CallID, to connectionID: Pool.ConnectionID) {
    guard let call = take(id) else {
      handle(.streamClosed(connectionID))
      return
    }
    guard let handler = connections[connectionID]?.handler else {
      handle(.streamClosed(connectionID))
      call.fail(
        RPCError(code: .unavailable, message: "the connection chosen for the call closed"),
        unprocessed: true)
      return
    }
    call.placement = .dispatched(handler)
    switch call {
    case .unary(let unary):
      handler.handler.value.startUnary(unary)
      if unary.streamID == 0 { handle(.streamClosed(connectionID)) }
    case .stream(let request):
      let stream = StreamingClientCall(
        loop: handler, path: request.path, metadata: request.metadata,
        compressed: request.compressed, deadline: request.deadline?.loopDeadline,
        maxMessageSize: connectionConfiguration.maxReceiveMessageSize,
        maxBufferedBytes: connectionConfiguration.maxBufferedResponseBytes)
      stream.previousAttempts = request.previousAttempts
      handler.handler.value.startStream(stream)
      if stream.streamID == 0 {
        handle(.streamClosed(connectionID))
        request.unprocessed = stream.unprocessed
        request.placement = .ended
        request.resume(
          .failure(stream.failure ?? RPCError(code: .unavailable, message: "the stream did not open")))
      } else {
        request.placement = .ended
        request.resume(.success(stream))
      }
    }
  }
}
