import SluiceIngest
import SluiceRuntime
import Synchronization

/// A publisher that records what it was given, optionally failing.
final class RecordingPublisher: EventPublisher {
  struct State {
    var published: [EventRecord] = []
    var failure: RPCError?
  }

  let state = Mutex(State())

  func fail(with error: RPCError?) {
    state.withLock { $0.failure = error }
  }

  var published: [EventRecord] { state.withLock { $0.published } }

  func publish(_ records: [EventRecord], deadline: ContinuousClock.Instant?) async throws(RPCError) {
    let failure: RPCError? = state.withLock { state in
      if let failure = state.failure { return failure }
      state.published += records
      return nil
    }
    if let failure { throw failure }
  }
}
