internal import NIOCore
internal import SluiceRuntime
internal import Synchronization

/// A call whose requests and responses flow one message at a time: the state the caller's
/// tasks and the connection's event loop share, behind one lock.
///
/// Writes are handed to the loop without waiting for it; a writer suspends only while the
/// bytes it handed over and the stream's queue exceed their limits (flow control reaches
/// it that way). Responses wait here for the reader; while more than
/// `maxBufferedBytes` are unread the loop holds back the server's flow-control credit and
/// gets it back (``ClientConnectionHandler/releaseCredit(_:)``) once the reader took half.
final class StreamingClientCall: ClientCall, @unchecked Sendable {
  private struct Shared {
    var requestsFinished = false
    /// Request bytes handed to the loop and not yet queued on the stream.
    var pendingBytes = 0
    /// The stream's queue is over its high-water mark.
    var isBlocked = false
    var writeWaiter: UnsafeContinuation<Void, Never>?
    var headers: Metadata?
    var messages: [[UInt8]] = []
    var head = 0
    var bufferedBytes = 0
    var isHoldingCredit = false
    var ending: Result<Metadata, RPCError>?
    var readWaiter: UnsafeContinuation<Void, Never>?

    var mustWaitToWrite: Bool {
      ending == nil && (isBlocked || pendingBytes > StreamingClientCall.maxPendingBytes)
    }

    var hasMessage: Bool { head < messages.count }

    mutating func takeWaiters() -> (UnsafeContinuation<Void, Never>?, UnsafeContinuation<Void, Never>?) {
      defer {
        readWaiter = nil
        writeWaiter = nil
      }
      return (readWaiter, writeWaiter)
    }

    mutating func dropMessages() {
      messages.removeAll()
      head = 0
      bufferedBytes = 0
    }
  }

  /// Request bytes a writer may have in flight to the loop before it waits.
  static let maxPendingBytes = 64 * 1024

  static let cancelledError = RPCError(code: .cancelled, message: "the call was cancelled")

  let loop: ConnectionLoop
  private let maxBufferedBytes: Int
  private let shared = Mutex(Shared())

  init(
    loop: ConnectionLoop, path: String, metadata: Metadata, compressed: Bool, deadline: NIODeadline?,
    maxMessageSize: Int, maxBufferedBytes: Int
  ) {
    self.loop = loop
    self.maxBufferedBytes = maxBufferedBytes
    super.init(
      path: path, metadata: metadata, compressed: compressed, deadline: deadline,
      maxMessageSize: maxMessageSize)
  }

  // MARK: Caller side

  func write(_ message: [UInt8]) async throws(RPCError) {
    if Task.isCancelled {
      cancel()
      throw Self.cancelledError
    }
    let rejection: RPCError?? = shared.withLock { state in
      if state.requestsFinished {
        return RPCError(code: .internal, message: "a request was written after finishRequests()")
      }
      switch state.ending {
      case .failure(let error)?: return error
      case .success?: return .some(nil)
      case nil:
        state.pendingBytes += message.count
        return nil
      }
    }
    switch rejection {
    case .some(let error?): throw error
    case .some(nil): return
    case nil: break
    }
    let payload: [UInt8]
    if compressed {
      payload = message
    } else {
      var framed: [UInt8] = []
      do {
        try MessageFramer.append(message, to: &framed)
      } catch {
        cancel()
        throw error.rpcError
      }
      payload = framed
    }
    loop.send(self, payload, byteCount: message.count)
    try await waitForRoom()
  }

  func finishRequests() {
    let first = shared.withLock { state in
      defer { state.requestsFinished = true }
      return !state.requestsFinished
    }
    if first { loop.run { $0.finishRequests(self) } }
  }

  func responseMetadata() async throws(RPCError) -> Metadata {
    while true {
      let step: Result<Metadata, RPCError>? = shared.withLock { state in
        if let headers = state.headers { return .success(headers) }
        switch state.ending {
        case .failure(let error)?:
          return .failure(error)
        case .success?:
          state.headers = Metadata()
          return .success(Metadata())
        case nil:
          return nil
        }
      }
      if let step { return try step.get() }
      await waitForResponse { $0.headers == nil && $0.ending == nil }
    }
  }

  func nextResponse() async throws(RPCError) -> [UInt8]? {
    _ = try await responseMetadata()
    while true {
      let step: (Result<[UInt8]?, RPCError>, release: Bool)? = shared.withLock { state in
        if state.hasMessage {
          let message = state.messages[state.head]
          state.messages[state.head] = []
          state.head += 1
          if state.head == state.messages.count {
            state.messages.removeAll(keepingCapacity: true)
            state.head = 0
          }
          state.bufferedBytes -= message.count
          let release = state.isHoldingCredit && state.bufferedBytes <= maxBufferedBytes / 2
          if release { state.isHoldingCredit = false }
          return (.success(message), release)
        }
        switch state.ending {
        case .success?: return (.success(nil), false)
        case .failure(let error)?: return (.failure(error), false)
        case nil: return nil
        }
      }
      if let (result, release) = step {
        if release { loop.run { $0.releaseCredit(self) } }
        return try result.get()
      }
      await waitForResponse { !$0.hasMessage && $0.ending == nil }
    }
  }

  /// The error the call ended with; nil while it runs or when it succeeded.
  var failure: RPCError? {
    shared.withLock { state in
      if case .failure(let error)? = state.ending { return error }
      return nil
    }
  }

  var trailers: Metadata {
    shared.withLock { state in
      if case .success(let trailers)? = state.ending, !state.hasMessage { return trailers }
      return Metadata()
    }
  }

  /// Cancels the call unless it ended: both directions fail with `.cancelled` at once,
  /// and the loop resets the stream.
  func cancel() {
    let waiters = shared.withLock { state -> (UnsafeContinuation<Void, Never>?, UnsafeContinuation<Void, Never>?)? in
      guard state.ending == nil else { return nil }
      state.ending = .failure(Self.cancelledError)
      state.dropMessages()
      return state.takeWaiters()
    }
    guard let waiters else { return }
    waiters.0?.resume()
    waiters.1?.resume()
    loop.run { $0.cancel(self) }
  }

  private func waitForRoom() async throws(RPCError) {
    if shared.withLock({ $0.mustWaitToWrite }) {
      await withTaskCancellationHandler {
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
          let ready = shared.withLock { state in
            guard state.mustWaitToWrite else { return true }
            state.writeWaiter = continuation
            return false
          }
          if ready { continuation.resume() }
        }
      } onCancel: {
        cancel()
      }
    }
    if case .failure(let error)? = shared.withLock({ $0.ending }) { throw error }
  }

  private func waitForResponse(while condition: @escaping (Shared) -> Bool) async {
    await withTaskCancellationHandler {
      await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
        let ready = shared.withLock { state in
          guard condition(state) else { return true }
          state.readWaiter = continuation
          return false
        }
        if ready { continuation.resume() }
      }
    } onCancel: {
      cancel()
    }
  }

  // MARK: Loop side

  override func receiveHeaders(_ metadata: Metadata) {
    let waiter = shared.withLock { state in
      state.headers = metadata
      defer { state.readWaiter = nil }
      return state.readWaiter
    }
    waiter?.resume()
  }

  override func receiveMessage(_ message: [UInt8]) -> RPCError? {
    let waiter = shared.withLock { state -> UnsafeContinuation<Void, Never>? in
      guard state.ending == nil else { return nil }
      state.messages.append(message)
      state.bufferedBytes += message.count
      defer { state.readWaiter = nil }
      return state.readWaiter
    }
    waiter?.resume()
    return nil
  }

  override func complete(_ outcome: Result<Metadata, RPCError>) {
    let waiters = shared.withLock { state -> (UnsafeContinuation<Void, Never>?, UnsafeContinuation<Void, Never>?)? in
      guard state.ending == nil else { return nil }
      state.ending = outcome
      if case .failure(let error) = outcome,
        error.code == .cancelled || error.code == .deadlineExceeded
      {
        state.dropMessages()
      }
      return state.takeWaiters()
    }
    waiters?.0?.resume()
    waiters?.1?.resume()
  }

  override func shouldHoldCredit() -> Bool {
    shared.withLock { state in
      if !state.isHoldingCredit && state.bufferedBytes > maxBufferedBytes { state.isHoldingCredit = true }
      return state.isHoldingCredit
    }
  }

  override func becameWritable() {
    let waiter = shared.withLock { state -> UnsafeContinuation<Void, Never>? in
      state.isBlocked = false
      guard !state.mustWaitToWrite else { return nil }
      defer { state.writeWaiter = nil }
      return state.writeWaiter
    }
    waiter?.resume()
  }

  override func requestAccepted(byteCount: Int, writable: Bool) {
    let waiter = shared.withLock { state -> UnsafeContinuation<Void, Never>? in
      state.pendingBytes -= byteCount
      state.isBlocked = !writable
      guard !state.mustWaitToWrite else { return nil }
      defer { state.writeWaiter = nil }
      return state.writeWaiter
    }
    waiter?.resume()
  }
}
