import SluiceIngest
import SluiceRuntime
import Synchronization

/// An event store in memory: unique by (stream, id), sequences from 1, optional failure.
final class InMemoryEventStore: EventStore {
  struct State {
    var rows: [String: Int64] = [:]
    var nextSequence: Int64 = 1
    var failure: RPCError?
    var calls = 0
  }

  let state = Mutex(State())

  func fail(with error: RPCError?) {
    state.withLock { $0.failure = error }
  }

  var calls: Int { state.withLock { $0.calls } }
  var count: Int { state.withLock { $0.rows.count } }

  func insert(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError) -> [StoreOutcome]
  {
    let result: Result<[StoreOutcome], RPCError> = state.withLock { state in
      state.calls += 1
      if let failure = state.failure { return .failure(failure) }
      return .success(
        records.map { record in
          let key = record.stream + "\u{0}" + record.id
          if let sequence = state.rows[key] { return .duplicate(sequence: sequence) }
          let sequence = state.nextSequence
          state.nextSequence += 1
          state.rows[key] = sequence
          return .inserted(sequence: sequence)
        })
    }
    return try result.get()
  }
}

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
