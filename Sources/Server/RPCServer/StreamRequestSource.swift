internal import SluiceRuntime
internal import Synchronization

/// The request messages of one streaming call, fed by the connection from the deframer
/// and read by the handler.
///
/// The connection delivers on its event loop; the handler reads from wherever it runs.
/// Unread bytes are counted so the connection can stop granting flow-control credit
/// while the handler lags; ``onDrain`` tells it (once per pause) when the handler caught
/// up. For a call with request compression, each message's compressed flag reaches
/// `ServerContext.requestWasCompressed` as the handler reads it.
final class StreamRequestSource: RPCMessageSource {
  private struct State {
    var messages: [[UInt8]] = []
    /// Whether each buffered message was compressed (kept only with a context).
    var compressed: [Bool] = []
    var head = 0
    var bufferedBytes = 0
    var ended = false
    var error: RPCError?
    var waiter: CheckedContinuation<Result<[UInt8]?, RPCError>, Never>?
    var paused = false

    mutating func pop() -> (message: [UInt8], compressed: Bool)? {
      guard head < messages.count else { return nil }
      let message = messages[head]
      let wasCompressed = head < compressed.count && compressed[head]
      messages[head] = []
      head += 1
      if head == messages.count {
        messages.removeAll(keepingCapacity: true)
        compressed.removeAll(keepingCapacity: true)
        head = 0
      }
      bufferedBytes -= message.count
      return (message, wasCompressed)
    }
  }

  private let state = Mutex(State())
  private let lowWaterMark: Int
  private let onDrain: @Sendable () -> Void
  /// Where the compressed flag of the message read last goes; nil when the call's
  /// requests are never compressed.
  private let context: ServerContext?

  /// - Parameters:
  ///   - lowWaterMark: Unread bytes below which a paused connection resumes.
  ///   - context: The call's context, for calls with request compression.
  ///   - onDrain: Called when the handler read the buffer down after
  ///     ``shouldHoldCredit(limit:)`` returned true.
  init(
    lowWaterMark: Int, context: ServerContext? = nil, onDrain: @escaping @Sendable () -> Void
  ) {
    self.lowWaterMark = lowWaterMark
    self.context = context
    self.onDrain = onDrain
  }

  /// Whether the connection should hold back flow-control credit for newly received
  /// bytes: the handler left more than `limit` bytes unread (or had, and has not caught
  /// up yet). Once it returns true, ``onDrain`` runs when the handler reads the buffer
  /// below the low-water mark.
  func shouldHoldCredit(limit: Int) -> Bool {
    state.withLock { state in
      if !state.paused && state.bufferedBytes > limit { state.paused = true }
      return state.paused
    }
  }

  /// Hands a message to the handler; `compressed` tells whether it was compressed on the
  /// wire.
  func deliver(_ message: [UInt8], compressed: Bool = false) {
    let tracksCompression = context != nil
    let waiter = state.withLock { state -> CheckedContinuation<Result<[UInt8]?, RPCError>, Never>? in
      guard !state.ended else { return nil }
      if let waiter = state.waiter {
        state.waiter = nil
        return waiter
      }
      state.bufferedBytes += message.count
      state.messages.append(message)
      if tracksCompression { state.compressed.append(compressed) }
      return nil
    }
    guard let waiter else { return }
    context?.requestWasCompressed = compressed
    waiter.resume(returning: .success(message))
  }

  /// Ends the stream: normally (`error` nil) or with `error`. Later calls do nothing.
  func finish(error: RPCError?) {
    let waiter = state.withLock { state -> CheckedContinuation<Result<[UInt8]?, RPCError>, Never>? in
      guard !state.ended else { return nil }
      state.ended = true
      state.error = error
      if error != nil {
        state.messages.removeAll()
        state.head = 0
        state.bufferedBytes = 0
      }
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: error.map { .failure($0) } ?? .success(nil))
  }

  func next() async throws(RPCError) -> [UInt8]? {
    let immediate = state.withLock { state -> Result<[UInt8]?, RPCError>? in
      takeImmediate(&state)
    }
    if let immediate { return try immediate.get() }
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<[UInt8]?, RPCError>, Never>) in
      let immediate = state.withLock { state -> Result<[UInt8]?, RPCError>? in
        if let result = takeImmediate(&state) { return result }
        state.waiter = continuation
        return nil
      }
      if let immediate { continuation.resume(returning: immediate) }
    }
    return try result.get()
  }

  /// A buffered message or the end, without waiting; resumes a paused connection.
  private func takeImmediate(_ state: inout State) -> Result<[UInt8]?, RPCError>? {
    if let (message, compressed) = state.pop() {
      if state.paused && state.bufferedBytes < lowWaterMark {
        state.paused = false
        onDrain()
      }
      context?.requestWasCompressed = compressed
      return .success(message)
    }
    guard state.ended else { return nil }
    return state.error.map { .failure($0) } ?? .success(nil)
  }
}
