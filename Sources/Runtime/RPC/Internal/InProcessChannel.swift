internal import Synchronization

/// A bounded first-in-first-out channel between tasks, for the in-process transport:
/// senders suspend while it is full, receivers while it is empty, and a suspended side
/// resumes early when its task is cancelled.
final class InProcessChannel<Element: Sendable>: Sendable {
  /// What became of a sent element.
  enum SendResult: Sendable {
    /// Buffered or handed to a receiver.
    case accepted
    /// Dropped: the channel was finished or closed.
    case closed
    /// Dropped: the sending task was cancelled while waiting for room.
    case cancelled
  }

  /// What a receive produced.
  enum ReceiveResult: Sendable {
    /// The next element.
    case element(Element)
    /// No more elements: the channel was finished and drained, or closed.
    case finished
    /// The receiving task was cancelled while waiting.
    case cancelled
  }

  private struct Waiter<Value> {
    var id: Int
    var continuation: CheckedContinuation<Value, Never>
  }

  private struct State {
    var buffer: [Element] = []
    var senders: [(waiter: Waiter<SendResult>, element: Element)] = []
    var receivers: [Waiter<ReceiveResult>] = []
    var isFinished = false
    var isClosed = false
    var nextID = 0

    mutating func makeID() -> Int {
      nextID += 1
      return nextID
    }
  }

  private enum SendAction {
    case resume(SendResult)
    case handOff(to: CheckedContinuation<ReceiveResult, Never>)
    case wait
  }

  private enum ReceiveAction {
    case resume(ReceiveResult)
    case take(Element, wakingSender: CheckedContinuation<SendResult, Never>?)
    case wait
  }

  private let capacity: Int
  private let state = Mutex(State())

  /// A channel buffering up to `capacity` elements (at least one).
  init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// Sends an element, suspending while the buffer is full.
  func send(_ element: Element) async -> SendResult {
    let id = state.withLock { $0.makeID() }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<SendResult, Never>) in
        let action: SendAction = state.withLock { state in
          if state.isFinished || state.isClosed { return .resume(.closed) }
          if !state.receivers.isEmpty {
            return .handOff(to: state.receivers.removeFirst().continuation)
          }
          if state.buffer.count < capacity {
            state.buffer.append(element)
            return .resume(.accepted)
          }
          if Task.isCancelled { return .resume(.cancelled) }
          state.senders.append((Waiter(id: id, continuation: continuation), element))
          return .wait
        }
        switch action {
        case .resume(let result):
          continuation.resume(returning: result)
        case .handOff(let receiver):
          receiver.resume(returning: .element(element))
          continuation.resume(returning: .accepted)
        case .wait:
          break
        }
      }
    } onCancel: {
      let waiter = state.withLock { state -> Waiter<SendResult>? in
        guard let index = state.senders.firstIndex(where: { $0.waiter.id == id }) else {
          return nil
        }
        return state.senders.remove(at: index).waiter
      }
      waiter?.continuation.resume(returning: .cancelled)
    }
  }

  /// Receives the next element, suspending while the buffer is empty.
  func receive() async -> ReceiveResult {
    let id = state.withLock { $0.makeID() }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<ReceiveResult, Never>) in
        let action: ReceiveAction = state.withLock { state in
          if !state.buffer.isEmpty {
            let element = state.buffer.removeFirst()
            guard !state.senders.isEmpty else { return .take(element, wakingSender: nil) }
            let (waiter, pending) = state.senders.removeFirst()
            state.buffer.append(pending)
            return .take(element, wakingSender: waiter.continuation)
          }
          if state.isFinished || state.isClosed { return .resume(.finished) }
          if Task.isCancelled { return .resume(.cancelled) }
          state.receivers.append(Waiter(id: id, continuation: continuation))
          return .wait
        }
        switch action {
        case .resume(let result):
          continuation.resume(returning: result)
        case .take(let element, let sender):
          sender?.resume(returning: .accepted)
          continuation.resume(returning: .element(element))
        case .wait:
          break
        }
      }
    } onCancel: {
      let waiter = state.withLock { state -> Waiter<ReceiveResult>? in
        guard let index = state.receivers.firstIndex(where: { $0.id == id }) else { return nil }
        return state.receivers.remove(at: index)
      }
      waiter?.continuation.resume(returning: .cancelled)
    }
  }

  /// Ends sending: receivers get the buffered elements, then `.finished`.
  func finish() {
    let (senders, receivers) = state.withLock { state in
      state.isFinished = true
      defer {
        state.senders.removeAll()
        state.receivers.removeAll()
      }
      return (state.senders.map(\.waiter), state.receivers)
    }
    for sender in senders { sender.continuation.resume(returning: .closed) }
    for receiver in receivers { receiver.continuation.resume(returning: .finished) }
  }

  /// Ends receiving: buffered elements are dropped, later sends return `.closed`.
  func close() {
    let (senders, receivers) = state.withLock { state in
      state.isClosed = true
      state.buffer.removeAll()
      defer {
        state.senders.removeAll()
        state.receivers.removeAll()
      }
      return (state.senders.map(\.waiter), state.receivers)
    }
    for sender in senders { sender.continuation.resume(returning: .closed) }
    for receiver in receivers { receiver.continuation.resume(returning: .finished) }
  }
}
