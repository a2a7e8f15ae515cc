internal import Synchronization

/// The client's side of an in-process call. Dropping it cancels the call unless it
/// ended.
final class InProcessClientStream: ClientStream {
  private let call: InProcessCall

  private struct State {
    var requestsFinished = false
    var headers: Metadata?
    /// A message read while waiting for the headers, returned by the next read.
    var peeked: [UInt8]?
    /// Set once the client saw the end: trailers, or the error it threw.
    var ending: Result<Metadata, RPCError>?
  }

  private let state = Mutex(State())

  init(call: InProcessCall) {
    self.call = call
  }

  deinit {
    call.cancel()
  }

  func write(_ message: [UInt8]) async throws(RPCError) {
    if state.withLock({ $0.requestsFinished }) {
      throw RPCError(code: .internal, message: "a request was written after finishRequests()")
    }
    if Task.isCancelled {
      cancel()
      throw RPCError(code: .cancelled, message: "the call was cancelled")
    }
    switch await call.requests.send(message) {
    case .accepted:
      return
    case .closed:
      // The call ended. After an error (a deadline, a cancellation, the handler's
      // failure) the writer learns it, so a producer loop stops; after OK the message
      // is dropped and the response side reports the status.
      if case .failure(let error)? = call.outcome { throw error }
    case .cancelled:
      cancel()
      throw RPCError(code: .cancelled, message: "the call was cancelled")
    }
  }

  func finishRequests() async {
    state.withLock { $0.requestsFinished = true }
    call.requests.finish()
  }

  func responseMetadata() async throws(RPCError) -> Metadata {
    if let headers = state.withLock({ $0.headers }) { return headers }
    if let message = try await receive() {
      let headers = call.headers ?? Metadata()
      state.withLock { state in
        state.headers = headers
        state.peeked = message
      }
      return headers
    }
    // The call ended with OK before any message (an error would have been thrown as
    // "trailers-only"); the headers were fixed when it ended.
    let headers = call.headers ?? Metadata()
    state.withLock { $0.headers = headers }
    return headers
  }

  func nextResponse() async throws(RPCError) -> [UInt8]? {
    if let ending = state.withLock({ $0.ending }), state.withLock({ $0.peeked == nil }) {
      switch ending {
      case .success: return nil
      case .failure(let error): throw error
      }
    }
    if state.withLock({ $0.headers == nil }) { _ = try await responseMetadata() }
    if let peeked = state.withLock({ state in
      defer { state.peeked = nil }
      return state.peeked
    }) {
      return peeked
    }
    if let message = try await receive() { return message }
    switch state.withLock({ $0.ending }) {
    case .failure(let error)?: throw error
    case .success?, nil: return nil
    }
  }

  var trailers: Metadata {
    if case .success(let trailers)? = state.withLock({ $0.ending }) { return trailers }
    return Metadata()
  }

  func cancel() {
    call.cancel()
  }

  /// The next message from the handler, or nil after recording how the call ended.
  private func receive() async throws(RPCError) -> [UInt8]? {
    switch await call.responses.receive() {
    case .element(let message):
      return message
    case .finished:
      let outcome =
        call.outcome
        ?? .failure(RPCError(code: .internal, message: "the call ended without a status"))
      state.withLock { $0.ending = outcome }
      if case .failure(let error) = outcome { throw error }
      return nil
    case .cancelled:
      cancel()
      let error = RPCError(code: .cancelled, message: "the call was cancelled")
      state.withLock { $0.ending = .failure(error) }
      throw error
    }
  }
}
