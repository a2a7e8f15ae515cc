import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import Synchronization

extension IngestRun {
  /// A batch and the server's answer.
  typealias Answer = (batch: IngestBatch, result: Result<Sluice_V1_IngestResponse, RPCError>)

  /// Reads every input and sends its batches; returns how it ended. After a failed call
  /// no new batch is sent, but the calls in flight finish and are counted.
  func send(_ state: State) async -> Ending {
    await withTaskGroup(of: Answer.self) { group in
      var window = Window(limit: maxInFlight)
      var batcher = IngestBatcher(batchSize: batchSize, atomic: atomic)
      var ending = Ending.finished
      reading: for (index, input) in inputs.enumerated() {
        var decoder = EventInputDecoder(format: input.format, defaultStream: defaultStream)
        var splitter = LineSplitter()
        var atEnd = false
        while !atEnd {
          let chunk: [UInt8]?
          do {
            chunk = try await input.reader.next()
          } catch {
            ending = .readFailed("\(error)")
            break reading
          }
          if state.interrupted.load(ordering: .relaxed) {
            ending = .interrupted
            break reading
          }
          var outputs: [EventInputDecoder.Output] = []
          if let chunk {
            outputs = splitter.split(chunk).compactMap { decoder.decode($0) }
          } else {
            atEnd = true
            if let last = splitter.finish(), let output = decoder.decode(last) { outputs.append(output) }
            if let output = decoder.finish() { outputs.append(output) }
          }
          for output in outputs {
            switch output {
            case .unreadable(let error):
              if let message = state.ledger.withLock({ $0.unreadable(error, input: index) }) {
                console.warn(message)
              }
            case .event(let event, let line):
              for batch in batcher.add(event, at: InputPosition(input: index, line: line)) {
                if let failure = await window.submit(batch, to: &group, run: self, state: state) {
                  ending = .callFailed(failure)
                  break reading
                }
              }
            }
          }
          if decoder.isAbandoned { break }
        }
      }
      if case .finished = ending, let batch = batcher.flush(),
        let failure = await window.submit(batch, to: &group, run: self, state: state)
      {
        ending = .callFailed(failure)
      }
      if let failure = await window.drain(&group, state: state), case .finished = ending {
        ending = .callFailed(failure)
      }
      return ending
    }
  }

  /// Sends one batch; retries while the server is overloaded. An atomic batch refused
  /// as a whole is an answer (its `IngestResponse` detail), not a failure.
  func call(_ batch: IngestBatch) async -> Answer {
    var pause = Self.firstBackoff
    for attempt in 1...Self.maxAttempts {
      do {
        return (batch, .success(try await client.ingest.ingest(batch.request, options: client.callOptions)))
      } catch {
        if batch.request.atomic, error.code == .invalidArgument,
          let refused = error.details.lazy.compactMap({ try? $0.unpack(Sluice_V1_IngestResponse.self) }).first
        {
          return (batch, .success(refused))
        }
        guard error.code == .resourceExhausted, attempt < Self.maxAttempts else {
          return (batch, .failure(error))
        }
        try? await Task.sleep(for: pause)
        pause *= 2
      }
    }
    return (batch, .failure(RPCError(code: .resourceExhausted, message: "the server stayed overloaded")))
  }

  /// The calls in flight: at most `limit`; the first failure is kept.
  struct Window {
    let limit: Int
    private var running = 0
    private var failure: RPCError?

    init(limit: Int) {
      self.limit = limit
    }

    /// Sends `batch` once a call slot is free; returns the first failure instead when a
    /// call has failed (the batch is then not sent).
    mutating func submit(
      _ batch: IngestBatch, to group: inout TaskGroup<Answer>, run: IngestRun, state: State
    ) async -> RPCError? {
      while running >= limit, let answer = await group.next() {
        running -= 1
        settle(answer, state: state)
      }
      if let failure { return failure }
      state.ledger.withLock { $0.sent(batch) }
      group.addTask { await run.call(batch) }
      running += 1
      return nil
    }

    /// Waits for every call in flight; returns the first failure, if any.
    mutating func drain(_ group: inout TaskGroup<Answer>, state: State) async -> RPCError? {
      while let answer = await group.next() {
        running -= 1
        settle(answer, state: state)
      }
      return failure
    }

    private mutating func settle(_ answer: Answer, state: State) {
      switch answer.result {
      case .success(let response):
        state.ledger.withLock { $0.record(response, for: answer.batch) }
      case .failure(let error):
        if failure == nil { failure = error }
      }
    }
  }
}
