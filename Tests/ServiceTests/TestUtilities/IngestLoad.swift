import SluiceGenerated
import SluiceRuntime
import SluiceTestSupport
import Synchronization

/// Ingests continuously from several concurrent loops, as a careful client would: each
/// loop sends batches of fresh event ids and, when a call fails, retries the same batch
/// until it is acknowledged. Every call's outcome is recorded: the load of fault tests.
final class IngestLoad: Sendable {
  /// One call.
  struct Call: Sendable {
    var ids: [String]
    var started: ContinuousClock.Instant
    var finished: ContinuousClock.Instant
    /// nil: OK.
    var error: RPCError?
    /// For an OK call: the outcome of each event.
    var outcomes: [Sluice_V1_EventResult.Outcome]
  }

  private let calls = Mutex<[Call]>([])
  private let stopping = Atomic<Bool>(false)
  private let task = Mutex<Task<Void, Never>?>(nil)

  /// Starts `loops` loops sending `batchSize` events of `stream` per call, each call with
  /// `timeout`; ids are `prefix-LOOP-BATCH-INDEX`.
  init(
    client: Sluice_V1_IngestService.Client, stream: String, prefix: String, loops: Int = 4,
    batchSize: Int = 5, timeout: Duration = .seconds(2)
  ) {
    let started = Task { [self] in
      await withTaskGroup(of: Void.self) { group in
        for loop in 0..<loops {
          group.addTask {
            await self.run(
              client: client, stream: stream, prefix: "\(prefix)-\(loop)", batchSize: batchSize,
              timeout: timeout)
          }
        }
      }
    }
    task.withLock { $0 = started }
  }

  private func run(
    client: Sluice_V1_IngestService.Client, stream: String, prefix: String, batchSize: Int,
    timeout: Duration
  ) async {
    var batch = 0
    while !stopping.load(ordering: .relaxed) {
      let ids = (0..<batchSize).map { "\(prefix)-\(batch)-\($0)" }
      let started = ContinuousClock.now
      do {
        let response = try await client.ingest(
          TestEvents.request(ids, stream: stream), options: CallOptions(timeout: timeout))
        record(
          Call(
            ids: ids, started: started, finished: .now, error: nil,
            outcomes: response.results.map(\.outcome)))
        batch += 1
      } catch {
        record(Call(ids: ids, started: started, finished: .now, error: error, outcomes: []))
        // Retry the same batch, without spinning while calls fail fast.
        try? await Task.sleep(for: .milliseconds(50))
      }
    }
  }

  private func record(_ call: Call) {
    calls.withLock { $0.append(call) }
  }

  /// Every call so far.
  var all: [Call] { calls.withLock { $0 } }

  /// The ids of every event an OK call acknowledged.
  var acknowledgedIDs: Set<String> {
    Set(all.filter { $0.error == nil }.flatMap(\.ids))
  }

  /// Waits until `count` calls that started at or after `since` were acknowledged, for at
  /// most `timeout`; whether they were.
  func waitForAcknowledgedCalls(
    _ count: Int, since: ContinuousClock.Instant, timeout: Duration
  ) async -> Bool {
    await eventually(timeout: timeout) { all.filter { $0.error == nil && $0.started >= since }.count >= count }
  }

  /// Stops after the calls in progress finish.
  func stop() async {
    stopping.store(true, ordering: .relaxed)
    await task.withLock { $0 }?.value
  }
}
