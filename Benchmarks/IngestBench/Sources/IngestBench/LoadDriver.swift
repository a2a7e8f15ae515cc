/// What one call did: the events it made durable, or why it failed.
enum CallOutcome: Sendable {
  case ok(events: Int)
  case failed(String)
}

/// Keeps `calls` calls in flight (each worker starts its next call when the previous one
/// returns) for a warm-up and then a measured window; counts the events of the calls that
/// finish inside the window and their latencies, and the CPU time the watched processes
/// spent in it.
struct LoadDriver: Sendable {
  let calls: Int
  let warmup: Duration
  let duration: Duration
  let watched: ProcessSet

  private enum Part: Sendable {
    case worker(WorkerTally)
    case cpu(before: [String: Double], after: [String: Double], load: String)
  }

  /// Runs `call(worker, callNumber)` from every worker until the window ends.
  func run(_ call: @escaping @Sendable (Int, Int) async -> CallOutcome) async -> RunResult {
    let measureStart = ContinuousClock.now + warmup
    let measureEnd = measureStart + duration
    var tallies: [WorkerTally] = []
    var cpuBefore: [String: Double] = [:]
    var cpuAfter: [String: Double] = [:]
    var load = ""
    await withTaskGroup(of: Part.self) { group in
      for worker in 0..<calls {
        group.addTask {
          var tally = WorkerTally()
          var number = 0
          while ContinuousClock.now < measureEnd {
            let started = ContinuousClock.now
            let outcome = await call(worker, number)
            number += 1
            let finished = ContinuousClock.now
            if case .failed = outcome {
              // Do not spin on a server that refuses everything.
              try? await Task.sleep(for: .milliseconds(10))
            }
            guard finished >= measureStart, finished <= measureEnd else { continue }
            tally.record(outcome, latency: started.duration(to: finished))
          }
          return .worker(tally)
        }
      }
      group.addTask { [watched] in
        try? await Task.sleep(until: measureStart)
        let before = watched.cpuSnapshot()
        try? await Task.sleep(until: measureEnd)
        return .cpu(before: before, after: watched.cpuSnapshot(), load: ProcessStats.loadAverage())
      }
      for await part in group {
        switch part {
        case .worker(let tally): tallies.append(tally)
        case .cpu(let before, let after, let average):
          cpuBefore = before
          cpuAfter = after
          load = average
        }
      }
    }
    var cpu: [String: Double] = [:]
    for (name, after) in cpuAfter {
      if let before = cpuBefore[name] { cpu[name] = after - before }
    }
    return RunResult(
      tallies: tallies, seconds: Self.seconds(duration), cpuSeconds: cpu, loadAverage: load)
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

/// One worker's counts over the measured window.
struct WorkerTally: Sendable {
  var events = 0
  var calls = 0
  var failures = 0
  var firstFailure: String?
  /// Latencies of the successful calls, in microseconds.
  var latencies: [Double] = []

  mutating func record(_ outcome: CallOutcome, latency: Duration) {
    switch outcome {
    case .ok(let count):
      events += count
      calls += 1
      latencies.append(LoadDriver.seconds(latency) * 1e6)
    case .failed(let reason):
      failures += 1
      if firstFailure == nil { firstFailure = reason }
    }
  }
}
