internal import SluiceRuntime

/// A call attempt asking a channel's pool for a stream: a unary attempt, or a stream being
/// opened. Its placement is touched only on the channel's loop.
enum PendingCall {
  case unary(ChannelUnaryCall)
  case stream(ChannelStreamRequest)

  var waitForReady: Bool {
    switch self {
    case .unary(let call): call.waitForReady
    case .stream(let request): request.waitForReady
    }
  }

  var poolDeadline: ContinuousClock.Instant? {
    switch self {
    case .unary(let call): call.poolDeadline
    case .stream(let request): request.poolDeadline
    }
  }

  var placement: PendingCallPlacement {
    get {
      switch self {
      case .unary(let call): call.placement
      case .stream(let request): request.placement
      }
    }
    nonmutating set {
      switch self {
      case .unary(let call): call.placement = newValue
      case .stream(let request): request.placement = newValue
      }
    }
  }

  /// Ends the attempt with `error` without a stream; `unprocessed` when it may be retried
  /// transparently.
  func fail(_ error: RPCError, unprocessed: Bool = false) {
    placement = .ended
    switch self {
    case .unary(let call):
      call.unprocessed = unprocessed
      call.isEnded = true
      call.complete(.failure(error))
    case .stream(let request):
      request.unprocessed = unprocessed
      request.resume(.failure(error))
    }
  }
}
