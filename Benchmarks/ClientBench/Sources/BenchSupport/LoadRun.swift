internal import CBenchAllocations

/// What one measured phase of a run gave.
public struct LoadResult: Sendable {
  /// Calls completed.
  public var calls: Int
  /// Calls that failed.
  public var errors: Int
  /// Wall-clock length of the phase.
  public var seconds: Double
  /// Process CPU used during the phase, in microseconds.
  public var cpuMicroseconds: Int64
  /// Heap allocations made by the process during the phase.
  public var allocations: UInt64
  /// Latencies of the successful calls.
  public var latencies: LatencyHistogram
}

/// Runs `concurrency` tasks that each make calls back to back until `duration` has
/// passed, timing every call; measures the process's CPU time and heap allocations over
/// the phase.
public func runLoad(
  _ client: any BenchClient, concurrency: Int, duration: Duration
) async -> LoadResult {
  let cpuBefore = processCPUMicroseconds()
  let allocationsBefore = cbench_total_allocations()
  let started = ContinuousClock.now
  let end = started.advanced(by: duration)
  var result = await withTaskGroup(
    of: (Int, Int, LatencyHistogram).self, returning: LoadResult.self
  ) { group in
    for _ in 0..<concurrency {
      group.addTask {
        var histogram = LatencyHistogram()
        var errors = 0
        while true {
          let callStarted = ContinuousClock.now
          if callStarted >= end { break }
          do {
            try await client.call()
            histogram.record(callStarted.duration(to: .now))
          } catch {
            errors += 1
          }
        }
        return (histogram.count, errors, histogram)
      }
    }
    var total = LoadResult(
      calls: 0, errors: 0, seconds: 0, cpuMicroseconds: 0, allocations: 0,
      latencies: LatencyHistogram())
    for await (calls, errors, histogram) in group {
      total.calls += calls
      total.errors += errors
      total.latencies.merge(histogram)
    }
    return total
  }
  let elapsed = started.duration(to: .now)
  result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  result.cpuMicroseconds = processCPUMicroseconds() - cpuBefore
  result.allocations = cbench_total_allocations() - allocationsBefore
  return result
}
