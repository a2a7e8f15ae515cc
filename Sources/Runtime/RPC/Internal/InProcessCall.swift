internal import Synchronization

/// The server side of one in-process call: runs the handler in its own task, feeds it
/// the client's requests and takes its responses, each direction through a bounded
/// channel. Its outcome (and the headers snapshot) is kept here for the client side.
final class InProcessCall: RPCMessageSource, RPCMessageSink {
  let handler: RPCHandler
  let context: ServerContext
  let codec: MessageCodec
  /// Client → handler.
  let requests: InProcessChannel<[UInt8]>
  /// Handler → client; finished when the call ends, after ``outcome`` is set.
  let responses: InProcessChannel<[UInt8]>

  private struct State {
    var headers: Metadata?
    var outcome: Result<Metadata, RPCError>?
    var task: Task<Void, Never>?
  }

  private let state = Mutex(State())

  init(handler: RPCHandler, context: ServerContext, codec: MessageCodec, bufferCapacity: Int) {
    self.handler = handler
    self.context = context
    self.codec = codec
    self.requests = InProcessChannel(capacity: bufferCapacity)
    self.responses = InProcessChannel(capacity: bufferCapacity)
  }

  /// The response headers, once the first response message was written or the call
  /// ended with status OK.
  var headers: Metadata? { state.withLock { $0.headers } }

  /// The trailers (status OK) or the error the call ended with; nil while it runs.
  var outcome: Result<Metadata, RPCError>? { state.withLock { $0.outcome } }

  /// Starts the handler's task.
  func start() {
    let task = Task { await self.run() }
    let alreadyEnded = state.withLock { state in
      state.task = task
      return state.outcome != nil
    }
    if alreadyEnded { task.cancel() }
  }

  /// Ends the call from the client's side, cancelling the handler.
  func cancel() {
    let task = state.withLock { state -> Task<Void, Never>? in
      guard state.outcome == nil else { return nil }
      state.outcome = .failure(RPCError(code: .cancelled, message: "the client cancelled the call"))
      return state.task
    }
    requests.close()
    responses.close()
    task?.cancel()
  }

  /// The next request (``RPCMessageSource``).
  func next() async throws(RPCError) -> [UInt8]? {
    switch await requests.receive() {
    case .element(let bytes):
      return bytes
    case .finished:
      // Closed by the end of the call (deadline, cancellation) rather than finished by
      // the client: the handler must not mistake that for the last request.
      if case .failure? = outcome { throw RPCError(code: .cancelled, message: "the call ended") }
      return nil
    case .cancelled:
      throw RPCError(code: .cancelled, message: "the call was cancelled")
    }
  }

  /// Sends a response (``RPCMessageSink``); the headers are fixed before the first one.
  func write(_ message: [UInt8]) async throws(RPCError) {
    let needsHeaders = state.withLock { $0.headers == nil }
    if needsHeaders {
      let headers = context.responseMetadata
      state.withLock { state in
        if state.headers == nil { state.headers = headers }
      }
    }
    guard await responses.send(message) == .accepted else {
      throw RPCError(code: .cancelled, message: "the call ended")
    }
  }

  private func run() async {
    guard let deadline = context.deadline else {
      await runHandler()
      return
    }
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await self.runHandler() }
      group.addTask {
        do {
          try await Task.sleep(until: deadline, clock: .continuous)
        } catch {
          return
        }
        self.end(.failure(RPCError(code: .deadlineExceeded, message: "the deadline passed")))
      }
      await group.next()
      group.cancelAll()
    }
  }

  private func runHandler() async {
    do throws(RPCError) {
      switch handler.body {
      case .unary(let body):
        try await write(try await body(try await singleRequest(), context, codec))
      case .clientStreaming(let body):
        try await write(try await body(self, context, codec))
      case .serverStreaming(let body):
        try await body(try await singleRequest(), self, context, codec)
      case .bidirectionalStreaming(let body):
        try await body(self, self, context, codec)
      }
      end(.success(context.trailers))
    } catch {
      end(.failure(Self.failure(error, trailers: context.trailers)))
    }
  }

  private func singleRequest() async throws(RPCError) -> [UInt8] {
    guard let request = try await next() else {
      throw RPCError(code: .internal, message: "the client sent no request message")
    }
    guard try await next() == nil else {
      throw RPCError(code: .internal, message: "the client sent more than one request message")
    }
    return request
  }

  /// Records the outcome unless the call already ended, then ends both directions.
  private func end(_ outcome: Result<Metadata, RPCError>) {
    let headers = context.responseMetadata
    let isFirst = state.withLock { state in
      guard state.outcome == nil else { return false }
      state.outcome = outcome
      if case .success = outcome, state.headers == nil { state.headers = headers }
      return true
    }
    guard isFirst else { return }
    requests.close()
    responses.finish()
  }

  /// The error a client sees: the handler's error with the context's trailers first.
  static func failure(_ error: RPCError, trailers: Metadata) -> RPCError {
    guard !trailers.isEmpty else { return error }
    var failure = error
    var metadata = trailers
    metadata.add(contentsOf: error.metadata)
    failure.metadata = metadata
    return failure
  }
}
