internal import SluiceRuntime
internal import Synchronization

/// The stream of a channel call whose request side is one message (unary and
/// server-streaming methods): it keeps that message, and when an attempt fails before
/// response headers arrive, after the caller finished its requests, it opens another
/// attempt (as ``ChannelCalls/prepareRetry(after:unprocessed:method:deadline:retries:)``
/// allows), sends the message again and goes on reading there. The retries happen in the
/// reading task.
///
/// Until headers arrive a write that fails is not reported: the reader learns the
/// outcome (the attempt's error, or the retry's). A second request message makes the
/// call unretryable.
final class RetryingClientStream: ClientStream {
  private struct State {
    var current: StreamingClientCall
    /// The one request, kept for another attempt.
    var request: [UInt8]?
    var requestCount = 0
    var requestsFinished = false
    /// Headers arrived (or a second request went out): no more attempts.
    var committed = false
    var cancelled = false
    var retries: RetryBookkeeping
  }

  private let calls: ChannelCalls
  private let method: MethodDescriptor
  private let options: CallOptions
  private let deadline: CallDeadline?
  private let state: Mutex<State>

  init(
    calls: ChannelCalls, method: MethodDescriptor, options: CallOptions, deadline: CallDeadline?,
    first: StreamingClientCall, retries: RetryBookkeeping
  ) {
    self.calls = calls
    self.method = method
    self.options = options
    self.deadline = deadline
    state = Mutex(State(current: first, retries: retries))
  }

  deinit {
    state.withLock { $0.current }.cancel()
  }

  func write(_ message: [UInt8]) async throws(RPCError) {
    let (attempt, retryable) = state.withLock { state in
      state.requestCount += 1
      if state.requestCount == 1 && !state.committed {
        state.request = message
      } else {
        state.request = nil
        state.committed = true
      }
      return (state.current, !state.committed)
    }
    do {
      try await attempt.write(message)
    } catch {
      if retryable && error.code != .cancelled { return }
      throw error
    }
  }

  func finishRequests() async {
    let attempt = state.withLock { state in
      state.requestsFinished = true
      return state.current
    }
    attempt.finishRequests()
  }

  func responseMetadata() async throws(RPCError) -> Metadata {
    while true {
      let (attempt, committed) = state.withLock { ($0.current, $0.committed) }
      let error: RPCError
      do {
        let metadata = try await attempt.responseMetadata()
        if !committed {
          state.withLock { state in
            state.committed = true
            state.request = nil
          }
          calls.throttle?.recordSuccess()
        }
        return metadata
      } catch let failure {
        error = failure
      }
      let replay: (request: [UInt8]?, retries: RetryBookkeeping)? = state.withLock { state in
        guard !state.committed, !state.cancelled, state.requestsFinished else { return nil }
        return (state.request, state.retries)
      }
      guard let replay else { throw error }
      var retries = replay.retries
      try await calls.prepareRetry(
        after: error, unprocessed: attempt.unprocessed, method: method, deadline: deadline,
        retries: &retries)
      let next = try await calls.openStream(
        method: method, options: options, deadline: deadline, retries: &retries)
      if let request = replay.request { try? await next.write(request) }
      next.finishRequests()
      let cancelled = state.withLock { state in
        state.current = next
        state.retries = retries
        return state.cancelled
      }
      if cancelled { next.cancel() }
    }
  }

  func nextResponse() async throws(RPCError) -> [UInt8]? {
    _ = try await responseMetadata()
    return try await state.withLock { $0.current }.nextResponse()
  }

  var trailers: Metadata {
    state.withLock { $0.current }.trailers
  }

  func cancel() {
    let attempt = state.withLock { state in
      state.cancelled = true
      return state.current
    }
    attempt.cancel()
  }
}
