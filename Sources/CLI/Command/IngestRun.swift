import SluiceCommandSupport
import SluiceGenerated
import SluiceRuntime
import Synchronization

/// One `sluice ingest` run: reads the inputs in order, batches their events, sends each
/// batch as an `Ingest` call with up to `maxInFlight` calls at once, and reports.
///
/// Unary calls rather than one `IngestStream`: the server handles a bulk-load stream one
/// batch at a time, while concurrent calls overlap decoding, validation and commits; and
/// each answer comes back as soon as its batch is stored, so the progress line counts
/// outcomes live and every rejection keeps its line number (a stream's summary lists at
/// most 1,000). After a failure, the ledger knows how far the input is stored.
struct IngestRun {
  /// One input and its format.
  struct Input {
    var reader: InputReader
    var format: InputFormat
  }

  /// How the reading and sending ended.
  enum Ending {
    case finished
    case callFailed(RPCError)
    case readFailed(String)
    case interrupted
  }

  /// Tries of a batch the server turns away as overloaded (RESOURCE_EXHAUSTED).
  static let maxAttempts = 5
  /// Pause before the first retry; it doubles with each.
  static let firstBackoff: Duration = .milliseconds(100)

  let inputs: [Input]
  let client: ClientConnection
  let batchSize: Int
  let maxInFlight: Int
  let atomic: Bool
  let defaultStream: String?
  let maxListed: Int
  let console: Console

  /// What the reading task and the calls share.
  final class State: Sendable {
    let ledger: Mutex<IngestLedger>
    let interrupted = Atomic<Bool>(false)

    init(_ ledger: IngestLedger) {
      self.ledger = Mutex(ledger)
    }
  }

  /// Runs the load and prints its summary; returns the exit status.
  func run() async -> CommandStatus {
    let state = State(IngestLedger(inputNames: inputs.map(\.reader.path), maxListed: maxListed))
    let start = ContinuousClock.now
    let readers = inputs.map(\.reader)
    // Ctrl-C (or SIGTERM) stops the reading; the calls in flight finish and are counted.
    let signals = SignalWatcher {
      state.interrupted.store(true, ordering: .relaxed)
      for reader in readers { reader.abandon() }
    }
    let ending = await withTaskGroup(of: Void.self) { group in
      group.addTask { await showProgress(state, since: start) }
      let outcome = await send(state)
      group.cancelAll()
      return outcome
    }
    signals.cancel()
    let elapsed = ContinuousClock.now - start
    let report = state.ledger.withLock { $0 }
    console.finishProgress(report.tally.progressLine(elapsed: elapsed))
    if report.unlistedUnreadable > 0 {
      console.warn("... and \(report.unlistedUnreadable) more unreadable lines")
    }
    var out = OutputBuffer()
    for line in report.rejectionLines() { out.line(line) }
    out.line(report.tally.summary(elapsed: elapsed))
    out.flush()
    switch ending {
    case .finished:
      return report.tally.rejected + report.tally.unreadable > 0 ? .incomplete : .success
    case .callFailed(let error):
      console.warn("error: \(error)")
      console.warn(report.stopReport())
      return .failure
    case .readFailed(let reason):
      console.warn("error: cannot read \(reason)")
      console.warn(report.stopReport())
      return .incomplete
    case .interrupted:
      console.warn("interrupted")
      console.warn(report.stopReport())
      return .interrupted
    }
  }

  /// Redraws the progress line until cancelled.
  private func showProgress(_ state: State, since start: ContinuousClock.Instant) async {
    while !Task.isCancelled {
      try? await Task.sleep(for: ProgressThrottle.liveInterval)
      let tally = state.ledger.withLock { $0.tally }
      console.progress(tally.progressLine(elapsed: ContinuousClock.now - start))
    }
  }
}
