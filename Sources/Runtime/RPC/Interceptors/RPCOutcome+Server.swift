extension RPCOutcome {
  /// Runs a server interceptor's `next` (the rest of the chain and the handler) and
  /// returns how the call ended and how long that took.
  ///
  /// When the call's task was cancelled by the time `next` returns, the transport has
  /// already ended the call for the client: the outcome is then `.deadlineExceeded` if
  /// the context's deadline passed and `.cancelled` otherwise, whatever the handler
  /// returned. (The in-process transport runs an untimed unary call in the caller's own
  /// task; there a handler that ignores the caller's cancellation still answers it.)
  ///
  /// The interceptor need not rethrow ``error``: when `next` failed, the call fails with
  /// that error anyway (see ``ServerInterceptor``).
  public static func observing(
    _ context: ServerContext, _ next: () async throws(RPCError) -> Void
  ) async -> RPCOutcome {
    let start = ContinuousClock.now
    var error: RPCError?
    do {
      try await next()
    } catch let failure {
      error = failure
    }
    let end = ContinuousClock.now
    if Task.isCancelled {
      let deadlinePassed = context.deadline.map { end >= $0 } ?? false
      let code: StatusCode = deadlinePassed ? .deadlineExceeded : .cancelled
      if error?.code != code {
        error = RPCError(
          code: code,
          message: deadlinePassed ? "the deadline passed" : "the call was cancelled")
      }
    }
    return RPCOutcome(error: error, duration: start.duration(to: end))
  }
}
