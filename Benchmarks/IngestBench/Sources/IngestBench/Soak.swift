import Synchronization

/// Ingests through Sluice for `duration`, at most `rate` events per second (0: as fast as
/// it goes), sampling the server's resident memory (`VmRSS`) and the events done so far
/// every `sampleInterval`. (The rate cap keeps the broker, which holds every message in
/// memory, and the database within the machine for ten minutes.)
struct Soak: Sendable {
  let server: SluiceServerProcess
  let connections: Int
  let calls: Int
  let batch: Int
  let rate: Int
  let duration: Duration
  let sampleInterval: Duration

  /// One reading.
  struct Sample: Sendable, Codable {
    var seconds: Int
    var residentKiB: Int
    var events: Int
  }

  /// The readings and totals.
  struct Result: Sendable, Codable {
    var batch: Int
    var calls: Int
    var rate: Int
    var seconds: Int
    var events: Int
    var failures: Int
    var firstFailure: String?
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var peakResidentKiB: Int
    var loadAverage: String
    var samples: [Sample]
  }

  private enum Part: Sendable {
    case worker(WorkerTally)
    case samples([Sample])
  }

  func run() async throws -> Result {
    let client = try SluiceIngestClient(port: server.port, connections: connections)
    defer { client.close() }
    let factory = EventFactory()
    let tag = "soak\(IngestBench.runNonce)"
    let started = ContinuousClock.now
    let end = started + duration
    let done = EventCounter()
    let pace: Duration? = rate > 0 ? .seconds(Double(calls * batch) / Double(rate)) : nil
    var tallies: [WorkerTally] = []
    var samples: [Sample] = []
    await withTaskGroup(of: Part.self) { group in
      for worker in 0..<calls {
        group.addTask { [batch, pace] in
          var tally = WorkerTally()
          var number = 0
          var slot = started
          while ContinuousClock.now < end {
            if let pace {
              // Each worker starts a call per `pace`; a late worker does not catch up.
              slot = max(slot + pace, .now)
              try? await Task.sleep(until: slot)
            }
            let callStarted = ContinuousClock.now
            let outcome = await client.ingest(
              factory.batch(tag: tag, worker: worker, call: number, size: batch), worker: worker)
            number += 1
            tally.record(outcome, latency: callStarted.duration(to: .now))
            switch outcome {
            case .ok(let events): done.value.add(events, ordering: .relaxed)
            case .failed: try? await Task.sleep(for: .milliseconds(10))
            }
          }
          return .worker(tally)
        }
      }
      group.addTask { [server, sampleInterval] in
        var samples: [Sample] = []
        var next = started + sampleInterval
        while next <= end {
          try? await Task.sleep(until: next)
          let sample = Sample(
            seconds: Int(LoadDriver.seconds(started.duration(to: .now)).rounded()),
            residentKiB: ProcessStats.residentKiB(server.processID) ?? 0,
            events: done.value.load(ordering: .relaxed))
          Console.log(
            "soak \(sample.seconds) s: RSS \(sample.residentKiB / 1024) MiB, \(sample.events) events")
          samples.append(sample)
          next += sampleInterval
        }
        return .samples(samples)
      }
      for await part in group {
        switch part {
        case .worker(let tally): tallies.append(tally)
        case .samples(let taken): samples = taken
        }
      }
    }
    let totals = RunResult(
      tallies: tallies, seconds: LoadDriver.seconds(duration), cpuSeconds: [:],
      loadAverage: ProcessStats.loadAverage())
    return Result(
      batch: batch, calls: calls, rate: rate, seconds: Int(LoadDriver.seconds(duration)), events: totals.events,
      failures: totals.failures, firstFailure: totals.firstFailure,
      p50Milliseconds: totals.p50Milliseconds, p99Milliseconds: totals.p99Milliseconds,
      peakResidentKiB: ProcessStats.peakResidentKiB(server.processID) ?? 0,
      loadAverage: totals.loadAverage, samples: samples)
  }
}

/// Events done so far, shared by the soak's workers and its sampler.
private final class EventCounter: Sendable {
  let value = Atomic<Int>(0)
}
